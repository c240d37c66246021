export { createScalingHistoryService } from './createScalingHistoryService';
export type { ScalingHistoryService } from './createScalingHistoryService';
