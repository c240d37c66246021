export { PredictiveScheduleCard } from './PredictiveScheduleCard';
export { PredictiveScalingSection } from './PredictiveScalingSection';
