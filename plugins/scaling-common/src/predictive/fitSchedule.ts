import { HOUR_MS } from '../forecast';
import type { ReplicaFloorStep } from '../whatif';
import { PredictiveSchedule, ScheduleFitInput } from './types';

/** Seconds between a metric moving and the HPA acting on it: a sync, and a scrape of metrics-server. */
const SYNC_PERIOD_SECONDS = 15;
const METRICS_RESOLUTION_SECONDS = 60;

/**
 * How long before load arrives a minimum must be raised for its pods to be ready: the pods'
 * start-up, plus the time the HPA would itself have taken to notice the load and act (a sync, a
 * metrics scrape and any scale-up stabilisation window).
 */
export function hpaLeadTimeSeconds(options: {
  podStartupSeconds: number;
  scaleUpStabilizationSeconds?: number;
}): number {
  return (
    options.podStartupSeconds +
    SYNC_PERIOD_SECONDS +
    METRICS_RESOLUTION_SECONDS +
    (options.scaleUpStabilizationSeconds ?? 0)
  );
}

/** Replicas that serve `millicores` at the target utilisation, within the HPA's bounds. */
function replicasFor(millicores: number, input: ScheduleFitInput): number {
  const perReplica =
    (input.cpuRequestMillicores * input.targetUtilization) / 100;
  const needed = perReplica > 0 ? Math.ceil(millicores / perReplica) : 0;
  return Math.min(input.maxReplicas, Math.max(input.minReplicas, needed));
}

/**
 * Fits a schedule of HPA minimums to a forecast. Each hour's minimum serves the upper band of its
 * forecast at the HPA's target and is raised `leadTimeSeconds` before the hour starts; it is
 * lowered only when the hour ends, so that capacity is never taken away under load the forecast
 * still expects. The HPA keeps scaling above the minimum when the load outgrows the forecast.
 */
export function fitPredictiveSchedule(
  input: ScheduleFitInput,
): PredictiveSchedule {
  const leadMs = input.leadTimeSeconds * 1000;
  const hours = input.forecast.map(hour => ({
    from: hour.at - leadMs,
    to: hour.at + HOUR_MS,
    replicas: replicasFor(hour.upper, input),
  }));
  const until = hours.length > 0 ? hours[hours.length - 1].to : 0;
  const boundaries = [...new Set(hours.flatMap(h => [h.from, h.to]))].sort(
    (a, b) => a - b,
  );
  const steps: ReplicaFloorStep[] = [];
  for (const at of boundaries) {
    const covering = hours.filter(h => h.from <= at && at < h.to);
    const minReplicas = Math.max(
      input.minReplicas,
      ...covering.map(h => h.replicas),
    );
    if (steps[steps.length - 1]?.minReplicas !== minReplicas) {
      steps.push({ from: at, minReplicas });
    }
  }
  return { steps, leadTimeSeconds: input.leadTimeSeconds, until };
}

/** The step in force at `at`, if the schedule has started. */
export function stepAt(
  steps: readonly ReplicaFloorStep[],
  at: number,
): ReplicaFloorStep | undefined {
  let current: ReplicaFloorStep | undefined;
  for (const step of steps) {
    if (step.from > at) break;
    current = step;
  }
  return current;
}
