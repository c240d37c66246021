export { EntityRegionsCard } from './EntityRegionsCard';
