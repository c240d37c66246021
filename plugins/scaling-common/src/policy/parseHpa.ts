import {
  applyHpaSpecDefaults,
  withScaleDownDefaults,
  withScaleUpDefaults,
} from '../hpa/defaults';
import { quantityToMilli } from '../hpa/quantity';
import { isSameObject } from '../hpa/objectReferences';
import type {
  CrossVersionObjectReference,
  ExternalMetricSpec,
  HpaBehavior,
  HpaMetricSpec,
  HpaMetricTarget,
  HpaScalingPolicy,
  HpaScalingRules,
  MetricIdentifier,
  ObjectMetricSpec,
  PodsMetricSpec,
  ResourceMetricSpec,
} from '../hpa/types';
import {
  ANNOTATION_SCALE_DOWN_BELOW,
  parseScaleDownBelow,
} from './hpaMetadata';
import {
  CUSTOM_METRICS,
  REQUESTS_PER_MINUTE_METRIC,
  RESPONSE_TIME_METRIC,
} from './metricCatalog';
import { thresholdBehavior } from './renderBehavior';
import {
  CUSTOM_METRIC_NAMES,
  CustomMetricName,
  CustomMetricSource,
  HorizontalPodAutoscaler,
  PolicyProblem,
  RequestRateTarget,
  ScalingBehaviorOverride,
  ScalingPolicy,
  ScalingRulesOverride,
  ScalingTarget,
} from './types';

/** @public A policy read back from a live HPA. */
export interface ParsedScalingPolicy {
  policy: ScalingPolicy;
  /**
   * Parts of the HPA the policy model cannot hold, by their path in the HPA.
   * Applying the policy would drop them, so an editor should say so.
   */
  unsupported: PolicyProblem[];
}

type ParsedMetric =
  | { target: ScalingTarget }
  | { responseTimeLimitMs: number }
  | { unsupported: string };

/** A quantity in the metric's unit, exact to the thousandth the HPA compares. */
function quantityValue(
  target: HpaMetricTarget,
  field: 'value' | 'averageValue',
): number | undefined {
  const quantity = target[field];
  if (quantity === undefined) {
    return undefined;
  }
  try {
    return quantityToMilli(quantity) / 1000;
  } catch {
    return undefined;
  }
}

function customMetricName(
  metric: MetricIdentifier,
  source: CustomMetricSource,
): CustomMetricName | undefined {
  const name = CUSTOM_METRIC_NAMES.find(known => known === metric.name);
  return name && CUSTOM_METRICS[name].sources.includes(source)
    ? name
    : undefined;
}

/** `Value` and `AverageValue` targets as the policy's value and `perPod`. */
function valueTargetOf(
  target: HpaMetricTarget,
): { value: number; perPod: boolean } | undefined {
  const perPod = target.type === 'AverageValue';
  if (!perPod && target.type !== 'Value') {
    return undefined;
  }
  const value = quantityValue(target, perPod ? 'averageValue' : 'value');
  return value === undefined ? undefined : { value, perPod };
}

const UNSUPPORTED_TARGET = 'has a target type the policy cannot hold';

type Thresholds = ReturnType<typeof parseScaleDownBelow>;

function parseResourceMetric(
  { name, target }: ResourceMetricSpec['resource'],
  scaleDownBelow: Thresholds,
): ParsedMetric {
  if (name !== 'cpu' && name !== 'memory') {
    return {
      unsupported: `scales on the ${name} resource, which the policy cannot hold`,
    };
  }
  if (
    target.type !== 'Utilization' ||
    target.averageUtilization === undefined
  ) {
    return {
      unsupported: `targets ${name} as an absolute value; the policy holds utilization only`,
    };
  }
  const threshold = scaleDownBelow[name];
  return {
    target: {
      kind: name,
      averageUtilization: target.averageUtilization,
      ...(threshold !== undefined && { scaleDownBelow: threshold }),
    },
  };
}

function parsePodsMetric({
  metric,
  target,
}: PodsMetricSpec['pods']): ParsedMetric {
  const averageValue =
    target.type === 'AverageValue'
      ? quantityValue(target, 'averageValue')
      : undefined;
  if (metric.selector || averageValue === undefined) {
    return {
      unsupported: `reads ${metric.name} with a selector or target the policy cannot hold`,
    };
  }
  if (metric.name === REQUESTS_PER_MINUTE_METRIC) {
    return {
      target: { kind: 'requests', requestsPerMinutePerReplica: averageValue },
    };
  }
  if (metric.name === RESPONSE_TIME_METRIC) {
    return { responseTimeLimitMs: Math.round(averageValue * 1000) };
  }
  const name = customMetricName(metric, 'Pods');
  if (!name) {
    return {
      unsupported: `scales on ${metric.name}, which is not a known per-pod metric`,
    };
  }
  return {
    target: {
      kind: 'custom',
      metric: name,
      source: 'Pods',
      value: averageValue,
    },
  };
}

function parseObjectMetric(
  { metric, target, describedObject }: ObjectMetricSpec['object'],
  scaleTarget: CrossVersionObjectReference,
): ParsedMetric {
  const name = customMetricName(metric, 'Object');
  if (!name || metric.selector) {
    return {
      unsupported: `scales on ${metric.name} of ${describedObject.kind} ${describedObject.name}, which the policy cannot hold`,
    };
  }
  const valueTarget = valueTargetOf(target);
  if (!valueTarget) {
    return { unsupported: UNSUPPORTED_TARGET };
  }
  return {
    target: {
      kind: 'custom',
      metric: name,
      source: 'Object',
      ...valueTarget,
      // Rendered without one, the object is the scaled workload.
      ...(!isSameObject(describedObject, scaleTarget) && { describedObject }),
    },
  };
}

function parseExternalMetric({
  metric,
  target,
}: ExternalMetricSpec['external']): ParsedMetric {
  const name = customMetricName(metric, 'External');
  if (!name) {
    return {
      unsupported: `scales on the external metric ${metric.name}, which the policy cannot hold`,
    };
  }
  const valueTarget = valueTargetOf(target);
  if (!valueTarget) {
    return { unsupported: UNSUPPORTED_TARGET };
  }
  return {
    target: {
      kind: 'custom',
      metric: name,
      source: 'External',
      ...valueTarget,
      ...(metric.selector && { selector: metric.selector }),
    },
  };
}

function parseMetric(
  spec: HpaMetricSpec,
  scaleTarget: CrossVersionObjectReference,
  scaleDownBelow: Thresholds,
): ParsedMetric {
  switch (spec.type) {
    case 'Resource':
      return parseResourceMetric(spec.resource, scaleDownBelow);
    case 'Pods':
      return parsePodsMetric(spec.pods);
    case 'Object':
      return parseObjectMetric(spec.object, scaleTarget);
    case 'External':
      return parseExternalMetric(spec.external);
    default:
      return { unsupported: 'has a metric type the policy cannot hold' };
  }
}

function samePolicies(
  a: readonly HpaScalingPolicy[] | undefined,
  b: readonly HpaScalingPolicy[] | undefined,
): boolean {
  const key = (policies: readonly HpaScalingPolicy[] = []) =>
    policies.map(p => `${p.type}/${p.value}/${p.periodSeconds}`).join(',');
  return key(a) === key(b);
}

/** The fields of `live` that differ from what the thresholds alone would render. */
function rulesOverride(
  live: HpaScalingRules,
  derived: HpaScalingRules | undefined,
  withDefaults: (rules?: HpaScalingRules) => HpaScalingRules,
): ScalingRulesOverride | undefined {
  const actual = withDefaults(live);
  const expected = withDefaults(derived);
  const override: ScalingRulesOverride = {};
  if (
    actual.stabilizationWindowSeconds !== undefined &&
    actual.stabilizationWindowSeconds !== expected.stabilizationWindowSeconds
  ) {
    override.stabilizationWindowSeconds = actual.stabilizationWindowSeconds;
  }
  if (actual.selectPolicy && actual.selectPolicy !== expected.selectPolicy) {
    override.selectPolicy = actual.selectPolicy;
  }
  if (actual.policies && !samePolicies(actual.policies, expected.policies)) {
    override.policies = actual.policies;
  }
  return Object.keys(override).length > 0 ? override : undefined;
}

function behaviorOverride(
  live: HpaBehavior | undefined,
  targets: readonly ScalingTarget[],
  unsupported: PolicyProblem[],
): ScalingBehaviorOverride | undefined {
  const derived = thresholdBehavior(targets);
  const override: ScalingBehaviorOverride = {};
  for (const direction of ['scaleUp', 'scaleDown'] as const) {
    const rules = live?.[direction];
    if (!rules) {
      continue;
    }
    if (rules.tolerance !== undefined) {
      unsupported.push({
        field: `spec.behavior.${direction}.tolerance`,
        message:
          'A behavior tolerance is feature-gated and the policy cannot hold it',
      });
    }
    const directionOverride = rulesOverride(
      rules,
      derived?.[direction],
      direction === 'scaleUp' ? withScaleUpDefaults : withScaleDownDefaults,
    );
    if (directionOverride) {
      override[direction] = directionOverride;
    }
  }
  return Object.keys(override).length > 0 ? override : undefined;
}

/**
 * @public
 * The policy a live HPA expresses, so an existing HPA can be edited. An HPA
 * this suite rendered reads back to the policy it came from; anything else is
 * read as far as the policy model allows, and the rest is listed as unsupported.
 */
export function parseHorizontalPodAutoscaler(
  hpa: HorizontalPodAutoscaler,
): ParsedScalingPolicy {
  const { spec } = hpa;
  // An HPA listing no metrics scales on CPU, as the API server defaults it.
  const { minReplicas, maxReplicas, metrics } = applyHpaSpecDefaults(spec);
  const scaleDownBelow = parseScaleDownBelow(
    hpa.metadata.annotations?.[ANNOTATION_SCALE_DOWN_BELOW],
  );
  const unsupported: PolicyProblem[] = [];
  const targets: ScalingTarget[] = [];
  const responseTimes: Array<{ index: number; ms: number }> = [];

  metrics.forEach((metric, index) => {
    const parsed = parseMetric(metric, spec.scaleTargetRef, scaleDownBelow);
    if ('target' in parsed) {
      targets.push(parsed.target);
    } else if ('responseTimeLimitMs' in parsed) {
      responseTimes.push({ index, ms: parsed.responseTimeLimitMs });
    } else {
      unsupported.push({
        field: `spec.metrics[${index}]`,
        message: `This metric ${parsed.unsupported}`,
      });
    }
  });

  const requests = targets.find(
    (target): target is RequestRateTarget => target.kind === 'requests',
  );
  responseTimes.forEach(({ index, ms }, nth) => {
    if (requests && nth === 0) {
      requests.responseTimeLimitMs = ms;
    } else {
      unsupported.push({
        field: `spec.metrics[${index}]`,
        message: `This metric limits ${RESPONSE_TIME_METRIC}, which the policy holds only once and alongside ${REQUESTS_PER_MINUTE_METRIC}`,
      });
    }
  });

  const behavior = behaviorOverride(spec.behavior, targets, unsupported);
  return {
    policy: {
      minReplicas,
      maxReplicas,
      targets,
      ...(behavior && { behavior }),
    },
    unsupported,
  };
}
