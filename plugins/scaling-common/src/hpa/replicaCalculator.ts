/**
 * Replica proposals for single metrics (upstream `replica_calculator.go`).
 * Every value is an integer milli-value; failures throw {@link HpaMetricError}.
 */
import { HpaMetricError } from './errors';
import {
  countReadyPods,
  groupPods,
  PodGroups,
  PodMetrics,
  PodReadinessTiming,
} from './podGrouping';
import { addCapped, MAX_INT64, resourceAmountToMilli } from './quantity';
import { isWithinTolerance, Tolerances } from './tolerances';
import type { PodSample } from './types';
import {
  cappedSum,
  metricUsageRatio,
  resourceUtilizationRatio,
} from './utilization';

/** Replica counts are int32 upstream; larger proposals saturate. */
const MAX_REPLICAS = 2 ** 31 - 1;

/** What every calculation needs besides the metric itself. */
export interface ReplicaCalculation {
  currentReplicas: number;
  /** The pods the scale target's selector matches. */
  pods: readonly PodSample[];
  tolerances: Tolerances;
  now: number;
  timing: PodReadinessTiming;
}

/** A proposal from a utilization target. */
export interface UtilizationProposal {
  replicas: number;
  /** Whole percent of requests in use, before missing and unready pods are accounted for. */
  utilization: number;
  rawAverageValue: bigint;
}

/** A proposal from a value or average-value target. */
export interface UsageProposal {
  replicas: number;
  usage: bigint;
}

function saturatedCeil(replicas: number): number {
  return replicas > MAX_REPLICAS ? MAX_REPLICAS : Math.ceil(replicas);
}

/** A float milli-value back to an integer, held at MaxInt64. */
function saturatedMilli(value: number): bigint {
  return value >= 2 ** 63 ? MAX_INT64 : BigInt(value);
}

function requireSelectedPods(pods: readonly PodSample[]): void {
  if (pods.length === 0) {
    throw new HpaMetricError(
      'no pods returned by selector while calculating replica count',
    );
  }
}

/** Samples of the pods that take part: everything reported except ignored and unready pods. */
function usableSamples(
  metrics: PodMetrics,
  groups: PodGroups,
): Map<string, bigint> {
  const samples = new Map<string, bigint>();
  for (const [podName, metric] of metrics) {
    if (!groups.ignoredPods.has(podName) && !groups.unreadyPods.has(podName)) {
      samples.set(podName, metric.value);
    }
  }
  if (samples.size === 0) {
    throw new HpaMetricError(
      'did not receive metrics for targeted pods (pods might be unready)',
    );
  }
  return samples;
}

/**
 * Each pod's request for the resource: the sum over its containers, or only
 * the named container's (upstream `calculatePodRequests`). A pod without the
 * named container counts a request of 0, as upstream; a sum beyond int64 is
 * held at MaxInt64.
 */
function podRequests(
  pods: readonly PodSample[],
  resourceName: string,
  container?: string,
): Map<string, bigint> {
  const requests = new Map<string, bigint>();
  for (const pod of pods) {
    if (container === undefined) {
      const request = pod.requests[resourceName];
      if (request === undefined) {
        throw new HpaMetricError(
          `missing request for ${resourceName} in Pod ${pod.name}`,
        );
      }
      requests.set(pod.name, resourceAmountToMilli(resourceName, request));
      continue;
    }
    let sum = 0n;
    for (const candidate of pod.containers ?? []) {
      if (candidate.name !== container) continue;
      const request = candidate.requests[resourceName];
      if (request === undefined) {
        throw new HpaMetricError(
          `missing request for ${resourceName} in container ${container} of Pod ${pod.name}`,
        );
      }
      sum = addCapped(sum, resourceAmountToMilli(resourceName, request));
    }
    requests.set(pod.name, sum);
  }
  return requests;
}

/**
 * Turns a usage ratio into a replica count, damping it with the pods that had
 * no trustworthy sample. Missing pods are assumed to use `assumedUsageOnScaleDown`
 * when scaling down and nothing when scaling up; unready pods are assumed idle,
 * and only matter when scaling up. If those assumptions flip the direction, or
 * bring the ratio within tolerance, the replica count stays as it is.
 */
function dampedReplicas(
  calculation: ReplicaCalculation,
  groups: PodGroups,
  samples: ReadonlyMap<string, bigint>,
  usageRatio: number,
  ratioOf: (samples: ReadonlyMap<string, bigint>) => number,
  assumedUsageOnScaleDown: (podName: string) => bigint,
): number {
  const { currentReplicas, tolerances } = calculation;
  const scaleUpWithUnready = groups.unreadyPods.size > 0 && usageRatio > 1;
  if (!scaleUpWithUnready && groups.missingPods.size === 0) {
    return isWithinTolerance(usageRatio, tolerances)
      ? currentReplicas
      : Math.ceil(usageRatio * groups.readyPodCount);
  }

  const rebalanced = new Map(samples);
  for (const podName of groups.missingPods) {
    if (usageRatio < 1) {
      rebalanced.set(podName, assumedUsageOnScaleDown(podName));
    } else if (usageRatio > 1) {
      rebalanced.set(podName, 0n);
    }
  }
  if (scaleUpWithUnready) {
    for (const podName of groups.unreadyPods) {
      rebalanced.set(podName, 0n);
    }
  }

  const newUsageRatio = ratioOf(rebalanced);
  const directionFlipped =
    (usageRatio < 1 && newUsageRatio > 1) ||
    (usageRatio > 1 && newUsageRatio < 1);
  if (isWithinTolerance(newUsageRatio, tolerances) || directionFlipped) {
    return currentReplicas;
  }
  const newReplicas = Math.ceil(newUsageRatio * rebalanced.size);
  const countFlipped =
    (newUsageRatio < 1 && newReplicas > currentReplicas) ||
    (newUsageRatio > 1 && newReplicas < currentReplicas);
  return countFlipped ? currentReplicas : newReplicas;
}

/**
 * Replicas for a resource utilization target (upstream `GetResourceReplicas`):
 * of the whole pods, or of one container of each pod when `container` is named
 * (a ContainerResource metric), whose samples are then that container's.
 */
export function resourceUtilizationReplicas(
  calculation: ReplicaCalculation,
  resourceName: string,
  metrics: PodMetrics,
  targetUtilization: number,
  container?: string,
): UtilizationProposal {
  const { pods, now, timing } = calculation;
  requireSelectedPods(pods);
  const groups = groupPods(pods, metrics, resourceName, now, timing);
  const samples = usableSamples(metrics, groups);
  const requests = podRequests(pods, resourceName, container);
  const ratioOf = (values: ReadonlyMap<string, bigint>) =>
    resourceUtilizationRatio(values, requests, targetUtilization).usageRatio;

  const { usageRatio, utilization, rawAverageValue } = resourceUtilizationRatio(
    samples,
    requests,
    targetUtilization,
  );
  // A missing pod counts as fully using its request, or as sitting at the
  // target when the target is above 100 %, so it never drives a scale-down.
  const assumedUtilization = BigInt(Math.max(100, targetUtilization));
  const replicas = dampedReplicas(
    calculation,
    groups,
    samples,
    usageRatio,
    ratioOf,
    podName => ((requests.get(podName) ?? 0n) * assumedUtilization) / 100n,
  );
  return { replicas, utilization, rawAverageValue };
}

/**
 * Replicas for an average value per pod: a Pods metric, or a Resource metric
 * with an average-value target (upstream `calcPlainMetricReplicas`).
 */
export function averageValueReplicas(
  calculation: ReplicaCalculation,
  metrics: PodMetrics,
  targetUsage: bigint,
  resourceName?: string,
): UsageProposal {
  const { pods, now, timing } = calculation;
  requireSelectedPods(pods);
  const groups = groupPods(pods, metrics, resourceName, now, timing);
  const samples = usableSamples(metrics, groups);
  const { usageRatio, usage } = metricUsageRatio(samples, targetUsage);
  const replicas = dampedReplicas(
    calculation,
    groups,
    samples,
    usageRatio,
    values => metricUsageRatio(values, targetUsage).usageRatio,
    () => targetUsage,
  );
  return { replicas, usage };
}

/**
 * Replicas for a total compared with a total target (Object and External
 * metrics with a value target). Scaled by the ready pods; from zero replicas
 * the tolerance is skipped so the target can scale up from nothing.
 */
function totalValueReplicas(
  calculation: ReplicaCalculation,
  usage: bigint,
  targetUsage: bigint,
): UsageProposal {
  const { currentReplicas, pods, tolerances } = calculation;
  const usageRatio = Number(usage) / Number(targetUsage);
  if (currentReplicas === 0) {
    return { replicas: saturatedCeil(usageRatio), usage };
  }
  if (isWithinTolerance(usageRatio, tolerances)) {
    return { replicas: currentReplicas, usage };
  }
  if (pods.length === 0) {
    throw new HpaMetricError(
      'unable to calculate ready pods: no pods returned by selector while calculating replica count',
    );
  }
  return {
    replicas: saturatedCeil(usageRatio * countReadyPods(pods)),
    usage,
  };
}

/** Replicas for an Object metric with a value target (upstream `GetObjectMetricReplicas`). */
export function objectValueReplicas(
  calculation: ReplicaCalculation,
  value: bigint,
  targetValue: bigint,
): UsageProposal {
  return totalValueReplicas(calculation, value, targetValue);
}

/**
 * Replicas for an External metric with a value target (upstream
 * `GetExternalMetricReplicas`); the series' sum is held at MaxInt64.
 */
export function externalValueReplicas(
  calculation: ReplicaCalculation,
  values: readonly bigint[],
  targetValue: bigint,
): UsageProposal {
  return totalValueReplicas(calculation, cappedSum(values), targetValue);
}

/**
 * Replicas for a total divided over the pods (Object and External metrics with
 * an average-value target): total ÷ target per pod, unless within tolerance of
 * the current pod count. The reported usage is the total per pod, rounded up.
 */
export function totalPerPodReplicas(
  statusReplicas: number,
  total: bigint,
  targetPerPod: bigint,
  tolerances: Tolerances,
): UsageProposal {
  // Upstream divides in float64 too.
  const usageRatio = Number(total) / (Number(targetPerPod) * statusReplicas);
  const replicas = isWithinTolerance(usageRatio, tolerances)
    ? statusReplicas
    : saturatedCeil(Number(total) / Number(targetPerPod));
  // Upstream divides by zero here when the target has no pods; report the total instead.
  const usage =
    statusReplicas > 0
      ? saturatedMilli(Math.ceil(Number(total) / statusReplicas))
      : total;
  return { replicas, usage };
}
