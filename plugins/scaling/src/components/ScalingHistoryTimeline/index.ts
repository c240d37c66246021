export {
  EntityScalingHistory,
  ScalingHistoryTimeline,
} from './ScalingHistoryTimeline';
