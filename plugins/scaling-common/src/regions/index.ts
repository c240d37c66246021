export type * from './types';
export { scaleUpDurationSeconds } from './scaleUpDuration';
