export { scalingApiRef } from './ScalingApi';
export type { ScalingApi } from './ScalingApi';
export { ScalingClient } from './ScalingClient';
export { costApiRef } from './CostApi';
export type { CostApi } from './CostApi';
export { CostClient } from './CostClient';
