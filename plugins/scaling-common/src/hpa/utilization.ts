/**
 * Usage ratios over pod samples (upstream `metrics/utilization.go`). All
 * inputs are integer milli-values and the divisions truncate like int64
 * division, so results match the controller to the last replica.
 */
import { HpaMetricError } from './errors';

/** The outcome of comparing resource usage with requests. */
export interface ResourceUtilization {
  /** Utilization divided by the target utilization. */
  usageRatio: number;
  /** Whole percent of the requests in use, truncated. */
  utilization: number;
  /** Average usage per pod, as a milli-value. */
  rawAverageValue: number;
}

/**
 * Utilization of the pods' requests. The percentage is truncated to a whole
 * number before it is divided by the target, because upstream keeps it in an
 * integer: 59.9 % against a 60 % target is a ratio of 59/60, not 0.998.
 * Samples of pods without a known request are skipped.
 */
export function resourceUtilizationRatio(
  metrics: ReadonlyMap<string, number>,
  requests: ReadonlyMap<string, number>,
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
    metricsTotal += BigInt(value);
    requestsTotal += BigInt(request);
    entries += 1n;
  }
  if (requestsTotal === 0n) {
    throw new HpaMetricError('no metrics returned matched known pods');
  }
  const utilization = Number((metricsTotal * 100n) / requestsTotal);
  return {
    usageRatio: utilization / targetUtilization,
    utilization,
    rawAverageValue: Number(metricsTotal / entries),
  };
}

/** The outcome of comparing a per-pod metric with its target. */
export interface MetricUsage {
  usageRatio: number;
  /** Average per pod, as a milli-value, truncated. */
  usage: number;
}

/** Average of the samples against the target average. */
export function metricUsageRatio(
  metrics: ReadonlyMap<string, number>,
  targetUsage: number,
): MetricUsage {
  let total = 0n;
  for (const value of metrics.values()) {
    total += BigInt(value);
  }
  const usage = Number(total / BigInt(metrics.size));
  return { usageRatio: usage / targetUsage, usage };
}
