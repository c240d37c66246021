import {
  parseQuantity,
  PodResourceAmounts,
  quantityToMilli,
  WorkloadPodResources,
} from '@meschain/backstage-plugin-scaling-common';
import type { Usage, V1PodSpec } from '@kubernetes/client-node';
import { KubernetesJson } from '../Clusters';
import { PodMetricsObject, ScalableWorkloadObject } from './kubernetesObjects';

const NO_RESOURCES: PodResourceAmounts = { cpuMillicores: 0, memoryBytes: 0 };

/** Requests or usage: both are resource lists, as `{ cpu: '250m', memory: '512Mi' }`. */
function amounts(list: Partial<Usage> | undefined): PodResourceAmounts {
  return {
    cpuMillicores: list?.cpu ? quantityToMilli(list.cpu) : 0,
    memoryBytes: list?.memory ? parseQuantity(list.memory) : 0,
  };
}

function sum(all: PodResourceAmounts[]): PodResourceAmounts {
  return all.reduce(
    (total, next) => ({
      cpuMillicores: total.cpuMillicores + next.cpuMillicores,
      memoryBytes: total.memoryBytes + next.memoryBytes,
    }),
    NO_RESOURCES,
  );
}

export function podRequests(
  spec: KubernetesJson<V1PodSpec> | undefined,
): PodResourceAmounts {
  const podLevel = spec?.resources?.requests;
  if (podLevel) {
    return amounts(podLevel);
  }
  return sum(
    (spec?.containers ?? []).map(container =>
      amounts(container.resources?.requests),
    ),
  );
}

function podUsage(metrics: PodMetricsObject): PodResourceAmounts {
  return sum(
    (metrics.containers ?? []).map(container => amounts(container.usage)),
  );
}

/**
 * What a workload's pods request, against what the resource metrics API
 * measured for them.
 *
 * Requests are the pod template's times the pods the workload's status
 * counts, so the pods need not be listed. While a rollout replaces the
 * template, pods of the previous one are counted at the new one's requests.
 *
 * @param samples - the workload's pod metrics; undefined when the metrics API did not answer
 */
export function podResources(
  workload: ScalableWorkloadObject,
  samples: PodMetricsObject[] | undefined,
): WorkloadPodResources {
  const pods = workload.status?.replicas ?? 0;
  const perPod = podRequests(workload.spec?.template?.spec);
  return {
    pods,
    requests: {
      cpuMillicores: perPod.cpuMillicores * pods,
      memoryBytes: perPod.memoryBytes * pods,
    },
    usage: samples && { pods: samples.length, ...sum(samples.map(podUsage)) },
  };
}
