export {
  isRegionAllowed,
  readScalingGuardRails,
  readScalingPresets,
  replicaLimitFor,
} from './scalingSettings';
export type { ReplicaLimit, ScalingGuardRailSettings } from './scalingSettings';
export { createScalingOptionsService } from './createScalingOptionsService';
export type { ScalingOptionsService } from './createScalingOptionsService';
