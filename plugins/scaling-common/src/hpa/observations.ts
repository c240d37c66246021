/**
 * Finding a metric spec's samples in {@link MetricObservations}, the way the
 * controller's metrics client queries the metrics APIs.
 */
import { HpaMetricError } from './errors';
import { isSameObject } from './objectReferences';
import type { PodMetric, PodMetrics } from './podGrouping';
import { quantityToMilliValue, resourceAmountToMilli } from './quantity';
import type {
  CrossVersionObjectReference,
  ExternalMetricSample,
  LabelSelector,
  MetricIdentifier,
  MetricObservations,
  ObjectMetricSample,
} from './types';

/** metrics-server's default resolution, used when a usage sample has no window. */
const DEFAULT_USAGE_WINDOW_SECONDS = 15;

function selectorKey(selector: LabelSelector | undefined): string {
  const labels = Object.entries(selector?.matchLabels ?? {}).sort(([a], [b]) =>
    a.localeCompare(b),
  );
  const expressions = (selector?.matchExpressions ?? [])
    .map(({ key, operator, values }) => [
      key,
      operator,
      [...(values ?? [])].sort(),
    ])
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return JSON.stringify([labels, expressions]);
}

/** Same name and an equivalent selector; no selector equals the empty selector. */
export function isSameMetric(
  a: MetricIdentifier,
  b: MetricIdentifier,
): boolean {
  return (
    a.name === b.name && selectorKey(a.selector) === selectorKey(b.selector)
  );
}

/**
 * Usage samples of one resource, as milli-values by pod name: the pod's
 * total, or with `container` that container's (upstream `getContainerMetrics`).
 */
export function resourceUsageSamples(
  observations: MetricObservations,
  resourceName: string,
  now: number,
  container?: string,
): PodMetrics {
  const samples = new Map<string, PodMetric>();
  for (const [podName, sample] of Object.entries(observations.podUsage ?? {})) {
    let usage = sample.usage;
    if (container !== undefined) {
      const containerUsage = sample.containers?.[container];
      if (!containerUsage) {
        throw new HpaMetricError(
          `unable to get metrics for resource ${resourceName}: failed to get container metrics: container ${container} not present in metrics for pod ${podName}`,
        );
      }
      usage = containerUsage;
    }
    const amount = usage[resourceName];
    // A pod reported without this resource counts as missing, as upstream.
    if (amount !== undefined) {
      samples.set(podName, {
        value: resourceAmountToMilli(resourceName, amount),
        timestamp: sample.timestamp ?? now,
        windowSeconds: sample.windowSeconds ?? DEFAULT_USAGE_WINDOW_SECONDS,
      });
    }
  }
  if (samples.size === 0) {
    throw new HpaMetricError(
      `unable to get metrics for resource ${resourceName}: no metrics returned from resource metrics API`,
    );
  }
  return samples;
}

/** Per-pod values of a custom metric, as milli-values by pod name. */
export function podsMetricSamples(
  observations: MetricObservations,
  metric: MetricIdentifier,
  now: number,
): PodMetrics {
  const sample = observations.pods?.find(candidate =>
    isSameMetric(candidate.metric, metric),
  );
  const values = Object.entries(sample?.values ?? {});
  if (values.length === 0) {
    throw new HpaMetricError(
      `unable to get metric ${metric.name}: no metrics returned from custom metrics API`,
    );
  }
  return new Map(
    values.map(([podName, value]) => [
      podName,
      // Sample timing only matters for CPU, so these need none of their own.
      { value: quantityToMilliValue(value), timestamp: now, windowSeconds: 0 },
    ]),
  );
}

/** The value of a custom metric describing one object. */
export function objectMetricSample(
  observations: MetricObservations,
  describedObject: CrossVersionObjectReference,
  metric: MetricIdentifier,
): ObjectMetricSample {
  const sample = observations.object?.find(
    candidate =>
      isSameObject(candidate.describedObject, describedObject) &&
      isSameMetric(candidate.metric, metric),
  );
  if (!sample) {
    throw new HpaMetricError(
      `unable to get metric ${metric.name}: no value returned for ${describedObject.kind} ${describedObject.name}`,
    );
  }
  return sample;
}

/** The series returned for an external metric. */
export function externalMetricSample(
  observations: MetricObservations,
  metric: MetricIdentifier,
): ExternalMetricSample {
  const sample = observations.external?.find(candidate =>
    isSameMetric(candidate.metric, metric),
  );
  if (!sample) {
    throw new HpaMetricError(
      `unable to get external metric ${metric.name}: no metrics returned from external metrics API`,
    );
  }
  return sample;
}
