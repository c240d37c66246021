/**
 * How a service's pods fare under load: CPU use, p95 latency and errors as
 * saturation grows. The same curves as the kube-sandbox's load model, so a
 * replay of a sandbox service sees what the sandbox's pods showed.
 */
import type { ReplayObjectives, ReplayWorkload } from './types';

/** Beyond this saturation latency is computed as at this value, to keep it finite. */
const MAX_SATURATION = 0.95;
/** Share of requests that fail on a healthy service. */
const BASELINE_ERROR_RATIO = 0.0002;
const DEFAULT_BASE_LATENCY_MS = 80;
const DEFAULT_AVAILABILITY = 0.999;

/** A workload with every default decided. */
export interface ServiceModel {
  requestMillicores: number;
  idleMillicores: number;
  capacityMillicores: number;
  baseLatencyMs: number;
  latencyObjectiveMs: number;
  errorBudget: number;
}

export function serviceModel(
  workload: ReplayWorkload,
  objectives: ReplayObjectives = {},
): ServiceModel {
  const baseLatencyMs = workload.baseLatencyMs ?? DEFAULT_BASE_LATENCY_MS;
  return {
    requestMillicores: workload.cpuRequestMillicores,
    idleMillicores: workload.idleCpuMillicores ?? 0,
    capacityMillicores:
      workload.cpuCapacityMillicores ?? 2 * workload.cpuRequestMillicores,
    baseLatencyMs,
    latencyObjectiveMs: objectives.latencyP95Ms ?? 3 * baseLatencyMs,
    errorBudget: 1 - (objectives.availability ?? DEFAULT_AVAILABILITY),
  };
}

/** CPU one of `runningPods` pods needs for its share of `cpuMillicores`. */
export function podCpuDemand(
  model: ServiceModel,
  cpuMillicores: number,
  runningPods: number,
): number {
  return model.idleMillicores + cpuMillicores / runningPods;
}

/** Whether a pod needing `podDemand` millicores breaks the latency or availability objective. */
export function breaksObjectives(
  model: ServiceModel,
  podDemand: number,
): boolean {
  const saturation = podDemand / model.capacityMillicores;
  const bounded = Math.min(saturation, MAX_SATURATION);
  const p95LatencyMs =
    model.baseLatencyMs * (1 + (0.6 * bounded) / (1 - bounded));
  const errorRatio = Math.min(
    0.5,
    BASELINE_ERROR_RATIO + Math.max(0, saturation - 0.9) * 0.5,
  );
  return (
    p95LatencyMs > model.latencyObjectiveMs || errorRatio > model.errorBudget
  );
}
