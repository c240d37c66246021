export {
  createPredictiveScalingService,
  PREDICTIVE_TASK_ID,
} from './createPredictiveScalingService';
export type { PredictiveScalingService } from './createPredictiveScalingService';
export { DatabasePredictiveScheduleStore } from './DatabasePredictiveScheduleStore';
export { storedUsageHistory } from './historySource';
export type { LoadHistorySource } from './historySource';
export { readPredictiveSettings } from './predictiveSettings';
export { schedulePredictiveSteps } from './schedulePredictiveSteps';
