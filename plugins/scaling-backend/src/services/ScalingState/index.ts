export type { EntityScalingStateService } from './types';
export { createEntityScalingStateService } from './createEntityScalingStateService';
export {
  clusterStateCacheKey,
  createClusterStateCache,
} from './clusterStateCache';
export type { ClusterStateCache, ObservedWorkloads } from './clusterStateCache';
export { readStateCacheTtlMs } from './scalingStateSettings';
export {
  matchesWorkloadQuery,
  prometheusLabelName,
  workloadQueryFor,
} from './workloadQuery';
export type { WorkloadQuery } from './workloadQuery';
export { readClusterWorkloads } from './readClusterWorkloads';
export { SCALABLE_WORKLOAD_TYPES } from './workloadReplicas';
