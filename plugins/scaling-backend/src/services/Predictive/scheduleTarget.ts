import {
  EntityScalingState,
  HpaSpec,
  ScalingWorkloadRef,
} from '@meschain/backstage-plugin-scaling-common';
import { livePolicySpec } from '../WhatIf/livePolicy';

/** The HPA a schedule would drive in one region, and what its sizing needs to know. */
export type ScheduleTarget = {
  cluster: string;
  workload: ScalingWorkloadRef;
  autoscaler: {
    name: string;
    minReplicas: number;
    maxReplicas: number;
    targetUtilization: number;
  };
  /** CPU request of one pod, in millicores. */
  cpuRequestMillicores: number;
  readyReplicas: number;
  scaleUpStabilizationSeconds?: number;
  /** The HPA as the what-if replay reads it. */
  policy: HpaSpec;
};

/** The entity's HPA in the region that scales on CPU utilisation, or why there is none. */
export function scheduleTargetIn(
  state: EntityScalingState,
  region: string,
): ScheduleTarget | { unavailable: string } {
  const cluster = state.clusters.find(c => c.region === region);
  if (!cluster?.cluster) {
    return { unavailable: `The service does not run in region ${region}` };
  }
  if (cluster.error) {
    return {
      unavailable: `Cluster ${cluster.cluster} could not be read: ${cluster.error.message}`,
    };
  }
  const workload = cluster.workloads?.find(w => w.autoscaler);
  const autoscaler = workload?.autoscaler;
  if (!workload || !autoscaler) {
    return {
      unavailable: `No HorizontalPodAutoscaler scales the service in region ${region}`,
    };
  }
  const cpu = autoscaler.metrics.find(
    m =>
      m.type === 'Resource' &&
      m.name === 'cpu' &&
      m.target.type === 'Utilization',
  );
  const targetUtilization = cpu?.target.averageUtilization;
  if (!targetUtilization) {
    return {
      unavailable: `HorizontalPodAutoscaler ${autoscaler.name} does not scale on CPU utilisation, which the forecast is of`,
    };
  }
  const pods = Math.max(1, workload.pods.pods);
  return {
    cluster: cluster.cluster,
    workload: {
      namespace: workload.namespace,
      kind: workload.kind,
      name: workload.name,
    },
    autoscaler: {
      name: autoscaler.name,
      minReplicas: autoscaler.minReplicas,
      maxReplicas: autoscaler.maxReplicas,
      targetUtilization,
    },
    cpuRequestMillicores: workload.pods.requests.cpuMillicores / pods,
    readyReplicas: Math.max(1, workload.replicas.ready),
    scaleUpStabilizationSeconds:
      autoscaler.behavior?.scaleUp?.stabilizationWindowSeconds,
    policy: livePolicySpec(autoscaler),
  };
}
