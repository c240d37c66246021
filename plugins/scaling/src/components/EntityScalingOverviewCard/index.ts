export { EntityScalingOverviewCard } from './EntityScalingOverviewCard';
