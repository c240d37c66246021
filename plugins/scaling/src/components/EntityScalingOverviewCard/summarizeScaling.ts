import { EntityScalingState } from '@meschain/backstage-plugin-scaling-common';

/** An entity's replicas and autoscaling, summed over its regions. */
export interface ScalingSummary {
  desired: number;
  ready: number;
  workloads: number;
  autoscaled: number;
  regions: number;
  failedRegions: string[];
  /** The HPAs' combined range, when any workload has one. */
  autoscalerBounds?: { min: number; max: number };
}

export function summarizeScaling(state: EntityScalingState): ScalingSummary {
  const workloads = state.clusters.flatMap(cluster => cluster.workloads ?? []);
  const autoscalers = workloads.flatMap(workload =>
    workload.autoscaler ? [workload.autoscaler] : [],
  );
  return {
    desired: workloads.reduce((sum, w) => sum + w.replicas.desired, 0),
    ready: workloads.reduce((sum, w) => sum + w.replicas.ready, 0),
    workloads: workloads.length,
    autoscaled: autoscalers.length,
    regions: state.clusters.length,
    failedRegions: state.clusters
      .filter(cluster => cluster.error)
      .map(cluster => cluster.region),
    autoscalerBounds:
      autoscalers.length > 0
        ? {
            min: autoscalers.reduce((sum, a) => sum + a.minReplicas, 0),
            max: autoscalers.reduce((sum, a) => sum + a.maxReplicas, 0),
          }
        : undefined,
  };
}
