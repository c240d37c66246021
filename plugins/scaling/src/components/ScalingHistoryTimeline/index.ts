export { ScalingHistoryTimeline } from './ScalingHistoryTimeline';
