// Read by the scaffolder's actions too, so they live in the node library.
export {
  isRegionAllowed,
  readScalingGuardRails,
  readScalingPresets,
  replicaLimitFor,
} from '@meschain/backstage-plugin-scaling-node';
export type {
  ReplicaLimit,
  ScalingGuardRailSettings,
} from '@meschain/backstage-plugin-scaling-node';
