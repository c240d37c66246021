export { GroupScalingContent } from './GroupScalingContent';
