export { GroupCostCard } from './GroupCostCard';
