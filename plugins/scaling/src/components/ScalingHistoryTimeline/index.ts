export {
  EntityScalingHistory,
  historyActionLabel,
  Outcome as HistoryOutcome,
} from './ScalingHistoryTimeline';
export { formatHistoryChange } from './formatHistoryValue';
