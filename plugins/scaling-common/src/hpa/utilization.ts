/**
 * Usage ratios over pod samples (upstream `metrics/utilization.go`). Inputs
 * are exact integer milli-values and the divisions truncate like int64
 * division, so results match the controller to the last replica. Sums that
 * would overflow int64 are held at MaxInt64, as upstream caps its metric sums.
 */
import { HpaMetricError } from './errors';
import { addCapped } from './quantity';

/** Upstream keeps the utilization percentage in an int32. */
const MAX_INT32 = 2n ** 31n - 1n;

/** The outcome of comparing resource usage with requests. */
export interface ResourceUtilization {
  /** Utilization divided by the target utilization. */
  usageRatio: number;
  /** Whole percent of the requests in use, truncated. */
  utilization: number;
  /** Average usage per pod, as a milli-value. */
  rawAverageValue: bigint;
}

/**
 * Utilization of the pods' requests. The percentage is truncated to a whole
 * number before it is divided by the target, because upstream keeps it in an
 * integer: 59.9 % against a 60 % target is a ratio of 59/60, not 0.998.
 * Samples of pods without a known request are skipped.
 */
export function resourceUtilizationRatio(
  metrics: ReadonlyMap<string, bigint>,
  requests: ReadonlyMap<string, bigint>,
  targetUtilization: number,
): ResourceUtilization {
  let metricsTotal = 0n;
  let requestsTotal = 0n;
  let entries = 0n;
  for (const [podName, value] of metrics) {
    const request = requests.get(podName);
    if (request === undefined) {
      continue;
    }
    metricsTotal = addCapped(metricsTotal, value);
    requestsTotal = addCapped(requestsTotal, request);
    entries += 1n;
  }
  if (requestsTotal === 0n) {
    throw new HpaMetricError('no metrics returned matched known pods');
  }
  // Exact, so a capped total times 100 cannot wrap; the percentage saturates like an int32.
  const percent = (metricsTotal * 100n) / requestsTotal;
  const utilization = Number(percent > MAX_INT32 ? MAX_INT32 : percent);
  return {
    usageRatio: utilization / targetUtilization,
    utilization,
    rawAverageValue: metricsTotal / entries,
  };
}

/** The outcome of comparing a per-pod metric with its target. */
export interface MetricUsage {
  usageRatio: number;
  /** Average per pod, as a milli-value, truncated. */
  usage: bigint;
}

/** Average of the samples against the target average. */
export function metricUsageRatio(
  metrics: ReadonlyMap<string, bigint>,
  targetUsage: bigint,
): MetricUsage {
  let total = 0n;
  for (const value of metrics.values()) {
    total = addCapped(total, value);
  }
  const usage = total / BigInt(metrics.size);
  return { usageRatio: Number(usage) / Number(targetUsage), usage };
}

/** The sum of metric values, held at MaxInt64 (upstream `GetExternalMetricReplicas`). */
export function cappedSum(values: Iterable<bigint>): bigint {
  let total = 0n;
  for (const value of values) {
    total = addCapped(total, value);
  }
  return total;
}
