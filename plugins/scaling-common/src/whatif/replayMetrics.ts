/**
 * The metrics of an HPA spec as a replay can observe them: each pod's sample
 * follows from the load and the pods serving it.
 */
import { quantityToMilli } from '../hpa/quantity';
import type { HpaMetricSpec, HpaMetricTarget } from '../hpa/types';
import type { InstantLoad } from './loadCursor';
import { podCpuDemand, ServiceModel } from './serviceModel';

/** Thrown for a metric the replay cannot derive from recorded load. */
export class UnsupportedReplayMetricError extends Error {
  /** Which entry of `spec.metrics`, e.g. `metrics[1]`. */
  readonly field: string;

  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'UnsupportedReplayMetricError';
    this.field = field;
  }
}

/** One metric of the policy, as the replay evaluates it. */
export interface ReplayMetric {
  /** As the controller names the metric in its rescale reasons. */
  description: string;
  /** CPU samples of freshly started pods are not trusted (the CPU initialization period). */
  cpuReadiness: boolean;
  /** The milli-value each of `runningPods` pods reports. */
  podSample(load: InstantLoad, runningPods: number): number;
  /** The usage ratio of `entries` pods whose samples add up to `total` (upstream `utilization.go`). */
  usageRatio(total: number, entries: number): number;
  /** The pods' metric in the target's unit, for the chart: percent of request, or the value. */
  current(sample: number): number;
}

/** CPU requests per second of the service, the only per-pod custom metrics a replay can derive. */
const REQUEST_RATE_METRICS: Record<string, number> = {
  http_requests_per_second: 1,
  http_requests_per_minute: 60,
};

function cpuSample(model: ServiceModel) {
  return (load: InstantLoad, runningPods: number) =>
    Math.ceil(
      Math.min(
        podCpuDemand(model, load.cpuMillicores, runningPods),
        model.capacityMillicores,
      ),
    );
}

function cpuMetric(
  field: string,
  target: HpaMetricTarget,
  model: ServiceModel,
  description: string,
): ReplayMetric {
  const request = Math.ceil(model.requestMillicores);
  if (target.averageValue !== undefined) {
    const targetValue = quantityToMilli(target.averageValue);
    return {
      description: `${description} resource`,
      cpuReadiness: true,
      podSample: cpuSample(model),
      usageRatio: (total, entries) => Math.floor(total / entries) / targetValue,
      current: sample => sample,
    };
  }
  const targetUtilization = target.averageUtilization;
  if (targetUtilization === undefined) {
    throw new UnsupportedReplayMetricError(
      field,
      'neither an average utilization nor an average value target is set',
    );
  }
  return {
    description: `${description} resource utilization (percentage of request)`,
    cpuReadiness: true,
    podSample: cpuSample(model),
    usageRatio: (total, entries) =>
      Math.floor((total * 100) / (entries * request)) / targetUtilization,
    current: sample => (sample * 100) / request,
  };
}

/** The replay's view of `spec.metrics[index]`. */
export function replayMetric(
  spec: HpaMetricSpec,
  index: number,
  model: ServiceModel,
): ReplayMetric {
  const field = `metrics[${index}]`;
  if (spec.type === 'Resource' && spec.resource.name === 'cpu') {
    return cpuMetric(field, spec.resource.target, model, 'cpu');
  }
  if (
    spec.type === 'ContainerResource' &&
    spec.containerResource.name === 'cpu'
  ) {
    // A replayed pod runs one container, whose request is the pod's.
    return cpuMetric(
      field,
      spec.containerResource.target,
      model,
      'cpu container',
    );
  }
  if (spec.type === 'Pods') {
    const perSecond = REQUEST_RATE_METRICS[spec.pods.metric.name];
    const target = spec.pods.target.averageValue;
    if (perSecond !== undefined && target !== undefined) {
      const targetValue = quantityToMilli(target);
      return {
        description: `pods metric ${spec.pods.metric.name}`,
        cpuReadiness: false,
        podSample: (load, runningPods) =>
          quantityToMilli((load.requestsPerSecond / runningPods) * perSecond),
        usageRatio: (total, entries) =>
          Math.floor(total / entries) / targetValue,
        current: sample => sample / 1000,
      };
    }
  }
  throw new UnsupportedReplayMetricError(
    field,
    'only CPU and request-rate metrics can be replayed from recorded load',
  );
}
