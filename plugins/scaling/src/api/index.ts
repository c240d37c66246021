export { scalingApiRef } from './ScalingApi';
export type { ScalingApi } from './ScalingApi';
export { ScalingClient } from './ScalingClient';
export { rolloutsApiRef } from './RolloutsApi';
export type { RolloutsApi } from './RolloutsApi';
export { RolloutsClient } from './RolloutsClient';
export { regionsApiRef } from './RegionsApi';
export type { RegionsApi } from './RegionsApi';
export { RegionsClient } from './RegionsClient';
