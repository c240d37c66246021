import {
  CUSTOM_METRICS,
  CustomMetricName,
  CustomMetricSource,
  CustomMetricTarget,
  ScalingTarget,
} from '@meschain/backstage-plugin-scaling-common';

/** @internal */
export type ScalingTargetKind = ScalingTarget['kind'];

export const targetKindLabels: Record<ScalingTargetKind, string> = {
  cpu: 'CPU utilization',
  memory: 'Memory utilization',
  requests: 'Requests per minute',
  custom: 'Custom metric',
};

/** A new target of a kind, with the platform's usual values. */
export function newTarget(kind: ScalingTargetKind): ScalingTarget {
  switch (kind) {
    case 'cpu':
      return { kind, averageUtilization: 70, scaleDownBelow: 30 };
    case 'memory':
      return { kind, averageUtilization: 80, scaleDownBelow: 40 };
    case 'requests':
      return {
        kind,
        requestsPerMinutePerReplica: 1000,
        responseTimeLimitMs: 500,
      };
    default:
      return {
        kind: 'custom',
        metric: 'queue_length',
        source: 'Pods',
        value: 30,
      };
  }
}

/** A custom target for another metric or source, keeping its value. */
export function customTarget(
  metric: CustomMetricName,
  source: CustomMetricSource,
  value: number,
): CustomMetricTarget {
  const allowed = CUSTOM_METRICS[metric].sources;
  const usable = allowed.includes(source) ? source : allowed[0];
  return usable === 'Pods'
    ? { kind: 'custom', metric, source: 'Pods', value }
    : { kind: 'custom', metric, source: usable, value, perPod: true };
}
