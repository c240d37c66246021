import {
  parseQuantity,
  PodResourceAmounts,
  quantityToMilli,
  WorkloadPodResources,
} from '@meschain/backstage-plugin-scaling-common';
import { PodMetricsObject, PodObject, ResourceList } from './kubernetesObjects';

const NO_RESOURCES: PodResourceAmounts = { cpuMillicores: 0, memoryBytes: 0 };

/** Pods in these phases hold no resources any more. */
const TERMINATED_PHASES = new Set(['Succeeded', 'Failed']);

function amounts(list: ResourceList | undefined): PodResourceAmounts {
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

function podRequests(pod: PodObject): PodResourceAmounts {
  const podLevel = pod.spec?.resources?.requests;
  if (podLevel) {
    return amounts(podLevel);
  }
  return sum(
    (pod.spec?.containers ?? []).map(container =>
      amounts(container.resources?.requests),
    ),
  );
}

function podUsage(metrics: PodMetricsObject): PodResourceAmounts {
  return sum(
    (metrics.containers ?? []).map(container => amounts(container.usage)),
  );
}

/** The key of a pod in `usageByPod`. */
export function podKey(pod: {
  metadata: { namespace?: string; name: string };
}) {
  return `${pod.metadata.namespace ?? ''}/${pod.metadata.name}`;
}

/**
 * What a workload's live pods request, against what the resource metrics API
 * measured for them.
 *
 * @param usageByPod - samples by {@link podKey}; undefined when the metrics API did not answer
 */
export function podResources(
  pods: PodObject[],
  usageByPod: ReadonlyMap<string, PodMetricsObject> | undefined,
): WorkloadPodResources {
  const live = pods.filter(
    pod => !TERMINATED_PHASES.has(pod.status?.phase ?? ''),
  );
  const samples = usageByPod
    ? live.flatMap(pod => usageByPod.get(podKey(pod)) ?? [])
    : undefined;
  return {
    pods: live.length,
    requests: sum(live.map(podRequests)),
    usage: samples && { pods: samples.length, ...sum(samples.map(podUsage)) },
  };
}
