export { EntityScalingContent } from './EntityScalingContent';
