export type { RolloutService } from './types';
export { createRolloutService } from './createRolloutService';
