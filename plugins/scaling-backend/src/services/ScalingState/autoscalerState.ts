import {
  AutoscalerCondition,
  AutoscalerMetricState,
  AutoscalerMetricValue,
  AutoscalerScalingRules,
  AutoscalerState,
  HorizontalPodAutoscalerSpec,
  ParsedScalingPolicy,
  parseHorizontalPodAutoscaler,
} from '@meschain/backstage-plugin-scaling-common';
import type {
  V2ContainerResourceMetricSource,
  V2HPAScalingRules,
  V2MetricSpec,
  V2MetricStatus,
  V2MetricValueStatus,
  V2ObjectMetricSource,
  V2ObjectMetricStatus,
} from '@kubernetes/client-node';
import { HorizontalPodAutoscalerObject } from './kubernetesObjects';

/** One entry of an HPA's `spec.metrics` or `status.currentMetrics`. */
type HpaMetric = V2MetricSpec | V2MetricStatus;

/**
 * The source block of a metric entry (`resource`, `pods`, `object`...), with
 * every field any type has: which are set depends on the metric type.
 */
type MetricSource = Partial<
  V2ContainerResourceMetricSource & V2ObjectMetricSource & V2ObjectMetricStatus
>;

const SOURCE_FIELD: Partial<Record<string, Exclude<keyof HpaMetric, 'type'>>> =
  {
    Resource: 'resource',
    ContainerResource: 'containerResource',
    Pods: 'pods',
    Object: 'object',
    External: 'external',
  };

function apiGroup(apiVersion: string | undefined): string | undefined {
  if (apiVersion === undefined) {
    return undefined;
  }
  return apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
}

/** Whether the HPA's `scaleTargetRef` names this workload (the API version may differ, the group may not). */
export function targetsWorkload(
  autoscaler: HorizontalPodAutoscalerObject,
  workload: {
    apiVersion: string;
    kind: string;
    name: string;
    namespace: string;
  },
): boolean {
  const target = autoscaler.spec.scaleTargetRef;
  return (
    autoscaler.metadata.namespace === workload.namespace &&
    target.kind === workload.kind &&
    target.name === workload.name &&
    (target.apiVersion === undefined ||
      apiGroup(target.apiVersion) === apiGroup(workload.apiVersion))
  );
}

function sourceOf(metric: HpaMetric): MetricSource | undefined {
  const field = SOURCE_FIELD[metric.type];
  return field && metric[field];
}

/** What makes two entries the same metric: its type, name, container, object and selector. */
function metricIdentity(metric: HpaMetric): string {
  const source = sourceOf(metric);
  return JSON.stringify([
    metric.type,
    source?.name ?? source?.metric?.name,
    source?.container,
    source?.describedObject?.kind,
    source?.describedObject?.name,
    source?.metric?.selector ?? {},
  ]);
}

function metricValue(value: V2MetricValueStatus): AutoscalerMetricValue {
  return {
    // A quantity written as a bare number in YAML may come back as a number.
    value: value.value === undefined ? undefined : String(value.value),
    averageValue:
      value.averageValue === undefined ? undefined : String(value.averageValue),
    averageUtilization: value.averageUtilization,
  };
}

/**
 * client-node types the enums of `autoscaling/v2` as strings; the casts below
 * take the API server's word for the values, as its OpenAPI schema does.
 */
function metricState(
  metric: V2MetricSpec,
  statusMetrics: V2MetricStatus[],
): AutoscalerMetricState | undefined {
  const source = sourceOf(metric);
  if (!metric.type || !source?.target) {
    return undefined;
  }
  const identity = metricIdentity(metric);
  const status = statusMetrics.find(
    candidate => metricIdentity(candidate) === identity,
  );
  const current = status && sourceOf(status)?.current;
  return {
    type: metric.type as AutoscalerMetricState['type'],
    name: source.name ?? source.metric?.name ?? '',
    container: source.container,
    describedObject: source.describedObject,
    target: {
      type: source.target.type as AutoscalerMetricState['target']['type'],
      ...metricValue(source.target),
    },
    current: current ? metricValue(current) : undefined,
  };
}

function scalingRules(
  rules: V2HPAScalingRules | undefined,
): AutoscalerScalingRules | undefined {
  if (!rules) {
    return undefined;
  }
  return {
    stabilizationWindowSeconds: rules.stabilizationWindowSeconds,
    selectPolicy: rules.selectPolicy as AutoscalerScalingRules['selectPolicy'],
    policies: rules.policies as AutoscalerScalingRules['policies'],
    tolerance:
      rules.tolerance === undefined ? undefined : String(rules.tolerance),
  };
}

/**
 * The scaling policy the HPA expresses, which the policy editor starts from;
 * undefined when the object cannot be read as one.
 */
function livePolicy(
  autoscaler: HorizontalPodAutoscalerObject,
): ParsedScalingPolicy | undefined {
  try {
    return parseHorizontalPodAutoscaler({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: {
        name: autoscaler.metadata.name,
        namespace: autoscaler.metadata.namespace,
        annotations: autoscaler.metadata.annotations,
      },
      // The same wire object: the shared type is only stricter about metric sources.
      spec: autoscaler.spec as HorizontalPodAutoscalerSpec,
    });
  } catch {
    return undefined;
  }
}

/** An HPA's spec and status, with each metric's target next to its current value. */
export function autoscalerState(
  autoscaler: HorizontalPodAutoscalerObject,
): AutoscalerState {
  const { spec, status } = autoscaler;
  const behavior = spec.behavior && {
    scaleUp: scalingRules(spec.behavior.scaleUp),
    scaleDown: scalingRules(spec.behavior.scaleDown),
  };
  return {
    name: autoscaler.metadata.name,
    minReplicas: spec.minReplicas ?? 1,
    maxReplicas: spec.maxReplicas,
    currentReplicas: status?.currentReplicas ?? 0,
    desiredReplicas: status?.desiredReplicas ?? 0,
    lastScaleTime: status?.lastScaleTime,
    metrics: (spec.metrics ?? []).flatMap(
      metric => metricState(metric, status?.currentMetrics ?? []) ?? [],
    ),
    behavior,
    conditions: (status?.conditions ?? []) as AutoscalerCondition[],
    policy: livePolicy(autoscaler),
  };
}
