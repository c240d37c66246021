import {
  ClusterScalingError,
  EntityScalingState,
  RegionRole,
  WorkloadScalingState,
} from '@meschain/backstage-plugin-scaling-common';

/** One row of the table: a workload in one region, or why the region has none. */
export interface ScalingRow {
  id: string;
  region: string;
  role?: RegionRole;
  cluster?: string;
  observedAt?: string;
  workload?: WorkloadScalingState;
  error?: ClusterScalingError;
}

/** A row per region × workload; a region that failed or has no workload keeps one row. */
export function toScalingRows(state: EntityScalingState): ScalingRow[] {
  return state.clusters.flatMap((cluster): ScalingRow[] => {
    const base = {
      region: cluster.region,
      role: cluster.role,
      cluster: cluster.cluster,
      observedAt: cluster.observedAt,
    };
    const key = `${cluster.region}/${cluster.cluster ?? ''}`;
    if (cluster.error || !cluster.workloads?.length) {
      return [{ ...base, id: key, error: cluster.error }];
    }
    return cluster.workloads.map(workload => ({
      ...base,
      id: `${key}/${workload.kind}/${workload.namespace}/${workload.name}`,
      workload,
    }));
  });
}
