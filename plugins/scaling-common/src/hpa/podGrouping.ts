import type { HpaControllerOptions, PodSample } from './types';

/** A pod's metric sample as the replica calculator sees it: an integer milli-value. */
export interface PodMetric {
  value: bigint;
  timestamp: number;
  windowSeconds: number;
}

/** Metric samples by pod name. */
export type PodMetrics = ReadonlyMap<string, PodMetric>;

/** Timing settings that decide whether a CPU sample is trustworthy. */
export type PodReadinessTiming = Pick<
  HpaControllerOptions,
  'cpuInitializationPeriodSeconds' | 'initialReadinessDelaySeconds'
>;

/** How the selected pods take part in a calculation (upstream `groupPods`). */
export interface PodGroups {
  /** Pods whose samples are used as they are. */
  readyPodCount: number;
  /** Pending pods, and pods whose CPU sample is not trusted yet; they count as idle on scale-up. */
  unreadyPods: Set<string>;
  /** Running pods without a sample; they are assumed at the target or idle, whichever damps the change. */
  missingPods: Set<string>;
  /** Failed pods and pods being deleted; left out entirely. */
  ignoredPods: Set<string>;
}

const SECOND = 1000;

/**
 * A CPU sample taken while a pod starts up tends to show the start-up burst,
 * not the steady load, so upstream distrusts it. Within the CPU initialization
 * period the sample counts only if the pod is ready and the sample covers a
 * full window after the pod became ready; afterwards it is dropped only if the
 * pod is unready and has never been ready since it started.
 */
function isCpuSampleUnready(
  pod: PodSample,
  metric: PodMetric,
  now: number,
  timing: PodReadinessTiming,
): boolean {
  if (pod.startTime === undefined) {
    return true;
  }
  const readyTransitionTime = pod.readyTransitionTime ?? pod.startTime;
  const initializationEnds =
    pod.startTime + timing.cpuInitializationPeriodSeconds * SECOND;
  if (initializationEnds > now) {
    return (
      !pod.ready ||
      metric.timestamp < readyTransitionTime + metric.windowSeconds * SECOND
    );
  }
  return (
    !pod.ready &&
    pod.startTime + timing.initialReadinessDelaySeconds * SECOND >
      readyTransitionTime
  );
}

/**
 * Sorts the pods into ready, unready, missing and ignored. Readiness only
 * matters for CPU: other metrics are not distorted by start-up.
 */
export function groupPods(
  pods: readonly PodSample[],
  metrics: PodMetrics,
  resourceName: string | undefined,
  now: number,
  timing: PodReadinessTiming,
): PodGroups {
  const groups: PodGroups = {
    readyPodCount: 0,
    unreadyPods: new Set(),
    missingPods: new Set(),
    ignoredPods: new Set(),
  };
  for (const pod of pods) {
    const phase = pod.phase ?? 'Running';
    const metric = metrics.get(pod.name);
    if (pod.deleting || phase === 'Failed') {
      groups.ignoredPods.add(pod.name);
    } else if (phase === 'Pending') {
      groups.unreadyPods.add(pod.name);
    } else if (!metric) {
      groups.missingPods.add(pod.name);
    } else if (
      resourceName === 'cpu' &&
      isCpuSampleUnready(pod, metric, now, timing)
    ) {
      groups.unreadyPods.add(pod.name);
    } else {
      groups.readyPodCount += 1;
    }
  }
  return groups;
}

/** Pods that count for Object and External metrics: running and ready. */
export function countReadyPods(pods: readonly PodSample[]): number {
  return pods.filter(pod => (pod.phase ?? 'Running') === 'Running' && pod.ready)
    .length;
}
