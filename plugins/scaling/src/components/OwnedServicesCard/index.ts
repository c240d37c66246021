export { OwnedServicesCard } from './OwnedServicesCard';
