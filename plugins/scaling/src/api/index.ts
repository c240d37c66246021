export { scalingApiRef } from './ScalingApi';
export type { ScalingApi } from './ScalingApi';
export { ScalingClient } from './ScalingClient';
export { regionsApiRef } from './RegionsApi';
export type { RegionsApi } from './RegionsApi';
export { RegionsClient } from './RegionsClient';
