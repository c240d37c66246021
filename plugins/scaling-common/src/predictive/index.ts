export {
  fitPredictiveSchedule,
  hpaLeadTimeSeconds,
  stepAt,
} from './fitSchedule';
export type { PredictiveSchedule, ScheduleFitInput } from './types';
