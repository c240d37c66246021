import {
  AutoscalerMetricState,
  AutoscalerMetricValue,
  AutoscalerScalingRules,
  AutoscalerState,
  HorizontalPodAutoscalerSpec,
  ParsedScalingPolicy,
  parseHorizontalPodAutoscaler,
} from '@meschain/backstage-plugin-scaling-common';
import {
  HorizontalPodAutoscalerObject,
  HpaMetric,
  HpaScalingRules,
  MetricSource,
  MetricType,
  MetricValue,
} from './kubernetesObjects';

const SOURCE_FIELD: Record<MetricType, Exclude<keyof HpaMetric, 'type'>> = {
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
  return metric.type ? metric[SOURCE_FIELD[metric.type]] : undefined;
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

function metricValue(value: MetricValue): AutoscalerMetricValue {
  return {
    // A quantity written as a bare number in YAML may come back as a number.
    value: value.value === undefined ? undefined : String(value.value),
    averageValue:
      value.averageValue === undefined ? undefined : String(value.averageValue),
    averageUtilization: value.averageUtilization,
  };
}

function metricState(
  metric: HpaMetric,
  statusMetrics: HpaMetric[],
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
    type: metric.type,
    name: source.name ?? source.metric?.name ?? '',
    container: source.container,
    describedObject: source.describedObject,
    target: { type: source.target.type, ...metricValue(source.target) },
    current: current ? metricValue(current) : undefined,
  };
}

function scalingRules(
  rules: HpaScalingRules | undefined,
): AutoscalerScalingRules | undefined {
  if (!rules) {
    return undefined;
  }
  return {
    stabilizationWindowSeconds: rules.stabilizationWindowSeconds,
    selectPolicy: rules.selectPolicy,
    policies: rules.policies,
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
  const { spec, status = {} } = autoscaler;
  const behavior = spec.behavior && {
    scaleUp: scalingRules(spec.behavior.scaleUp),
    scaleDown: scalingRules(spec.behavior.scaleDown),
  };
  return {
    name: autoscaler.metadata.name,
    minReplicas: spec.minReplicas ?? 1,
    maxReplicas: spec.maxReplicas,
    currentReplicas: status.currentReplicas ?? 0,
    desiredReplicas: status.desiredReplicas ?? 0,
    lastScaleTime: status.lastScaleTime,
    metrics: (spec.metrics ?? []).flatMap(
      metric => metricState(metric, status.currentMetrics ?? []) ?? [],
    ),
    behavior,
    conditions: status.conditions ?? [],
    policy: livePolicy(autoscaler),
  };
}
