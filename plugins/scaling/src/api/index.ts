export { scalingApiRef } from './ScalingApi';
export type { ScalingApi } from './ScalingApi';
export { ScalingClient } from './ScalingClient';
