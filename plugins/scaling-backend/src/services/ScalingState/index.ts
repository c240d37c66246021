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
export { withDeadline } from './withDeadline';
export { readEntityClusters } from './readEntityClusters';
export type { EntityClusterAnswer } from './readEntityClusters';
export { workloadReplicas } from './workloadReplicas';
export { targetsWorkload } from './autoscalerState';
export type {
  HorizontalPodAutoscalerObject,
  ScalableWorkloadObject,
} from './kubernetesObjects';
export { podRequests } from './podResources';
export { matchesLabelSelector } from './labelSelectors';
export { listScalableWorkloads } from './listScalableWorkloads';
export type { ListedWorkload } from './listScalableWorkloads';
