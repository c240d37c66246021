export { EntityScalingHistory } from './ScalingHistoryTimeline';
