import { formatMilliQuantity } from '../hpa/quantity';
import type {
  CrossVersionObjectReference,
  HpaMetricSpec,
  HpaMetricTarget,
} from '../hpa/types';
import {
  ANNOTATION_SCALE_DOWN_BELOW,
  formatScaleDownBelow,
  LABEL_MANAGED_BY,
  MANAGED_BY_SCALING,
} from './hpaMetadata';
import {
  REQUESTS_PER_MINUTE_METRIC,
  RESPONSE_TIME_METRIC,
} from './metricCatalog';
import { renderBehavior } from './renderBehavior';
import type {
  CustomMetricTarget,
  HorizontalPodAutoscaler,
  RequestRateTarget,
  ScaleTargetWorkload,
  ScalingPolicy,
  ScalingTarget,
  UtilizationTarget,
} from './types';

/** @public The API version of each workload kind an HPA may scale. */
export const WORKLOAD_API_VERSIONS: Readonly<
  Record<ScaleTargetWorkload['kind'], string>
> = {
  Deployment: 'apps/v1',
  Rollout: 'argoproj.io/v1alpha1',
};

/** @public */
export interface RenderHorizontalPodAutoscalerOptions {
  /** A policy that passed `validateScalingPolicy`. */
  policy: ScalingPolicy;
  workload: ScaleTargetWorkload;
  /** Defaults to the workload's name. */
  name?: string;
  /** Added to the HPA's labels; `app.kubernetes.io/managed-by` is always this suite's. */
  labels?: Record<string, string>;
}

/** A decimal metric value as a quantity, e.g. 0.5 → `500m`, 1000 → `1k`. */
function toQuantity(value: number): string {
  return formatMilliQuantity(Math.round(value * 1000));
}

function targetOf(value: number, perPod: boolean): HpaMetricTarget {
  return perPod
    ? { type: 'AverageValue', averageValue: toQuantity(value) }
    : { type: 'Value', value: toQuantity(value) };
}

function renderCustomMetric(
  target: CustomMetricTarget,
  scaleTarget: CrossVersionObjectReference,
): HpaMetricSpec {
  const metric = { name: target.metric };
  if (target.source === 'Pods') {
    return {
      type: 'Pods',
      pods: { metric, target: targetOf(target.value, true) },
    };
  }
  if (target.source === 'Object') {
    return {
      type: 'Object',
      object: {
        describedObject: target.describedObject ?? scaleTarget,
        metric,
        target: targetOf(target.value, target.perPod),
      },
    };
  }
  return {
    type: 'External',
    external: {
      metric: {
        ...metric,
        ...(target.selector && { selector: target.selector }),
      },
      target: targetOf(target.value, target.perPod),
    },
  };
}

function renderRequestRateMetrics(target: RequestRateTarget): HpaMetricSpec[] {
  const metrics: HpaMetricSpec[] = [
    {
      type: 'Pods',
      pods: {
        metric: { name: REQUESTS_PER_MINUTE_METRIC },
        target: targetOf(target.requestsPerMinutePerReplica, true),
      },
    },
  ];
  if (target.responseTimeLimitMs !== undefined) {
    metrics.push({
      type: 'Pods',
      pods: {
        metric: { name: RESPONSE_TIME_METRIC },
        // Milliseconds are the milli-units of the metric's seconds.
        target: {
          type: 'AverageValue',
          averageValue: formatMilliQuantity(target.responseTimeLimitMs),
        },
      },
    });
  }
  return metrics;
}

function renderUtilizationMetric(target: UtilizationTarget): HpaMetricSpec {
  return {
    type: 'Resource',
    resource: {
      name: target.kind,
      target: {
        type: 'Utilization',
        averageUtilization: target.averageUtilization,
      },
    },
  };
}

function renderMetrics(
  target: ScalingTarget,
  scaleTarget: CrossVersionObjectReference,
): HpaMetricSpec[] {
  if (target.kind === 'requests') {
    return renderRequestRateMetrics(target);
  }
  if (target.kind === 'custom') {
    return [renderCustomMetric(target, scaleTarget)];
  }
  return [renderUtilizationMetric(target)];
}

/**
 * @public
 * The `autoscaling/v2` HorizontalPodAutoscaler for a policy: one metric per
 * target (two for a requests target with a response-time limit) and the
 * behavior described in `renderBehavior.ts`.
 */
export function renderHorizontalPodAutoscaler(
  options: RenderHorizontalPodAutoscalerOptions,
): HorizontalPodAutoscaler {
  const { policy, workload } = options;
  const scaleTargetRef: CrossVersionObjectReference = {
    apiVersion: workload.apiVersion ?? WORKLOAD_API_VERSIONS[workload.kind],
    kind: workload.kind,
    name: workload.name,
  };
  const scaleDownBelow = formatScaleDownBelow(policy.targets);
  const behavior = renderBehavior(policy);
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: {
      name: options.name ?? workload.name,
      namespace: workload.namespace,
      labels: { ...options.labels, [LABEL_MANAGED_BY]: MANAGED_BY_SCALING },
      ...(scaleDownBelow && {
        annotations: { [ANNOTATION_SCALE_DOWN_BELOW]: scaleDownBelow },
      }),
    },
    spec: {
      scaleTargetRef,
      minReplicas: policy.minReplicas,
      maxReplicas: policy.maxReplicas,
      metrics: policy.targets.flatMap(target =>
        renderMetrics(target, scaleTargetRef),
      ),
      ...(behavior && { behavior }),
    },
  };
}
