import {
  AutoscalerState,
  HpaMetricSpec,
  HpaMetricTarget,
  HpaSpec,
} from '@meschain/backstage-plugin-scaling-common';

function targetOf(
  target: AutoscalerState['metrics'][number]['target'],
): HpaMetricTarget {
  return {
    type: target.type,
    averageUtilization: target.averageUtilization,
    averageValue: target.averageValue,
    value: target.value,
  };
}

/**
 * The live HPA as the replay reads it. Object and External metrics keep their
 * type, so the replay names them when it cannot derive them from load.
 */
export function livePolicySpec(autoscaler: AutoscalerState): HpaSpec {
  const metrics = autoscaler.metrics.map((metric): HpaMetricSpec => {
    const target = targetOf(metric.target);
    switch (metric.type) {
      case 'Resource':
        return { type: 'Resource', resource: { name: metric.name, target } };
      case 'ContainerResource':
        return {
          type: 'ContainerResource',
          containerResource: {
            name: metric.name,
            container: metric.container ?? '',
            target,
          },
        };
      case 'Pods':
        return {
          type: 'Pods',
          pods: { metric: { name: metric.name }, target },
        };
      case 'Object':
        return {
          type: 'Object',
          object: {
            describedObject: {
              kind: metric.describedObject?.kind ?? '',
              name: metric.describedObject?.name ?? '',
            },
            metric: { name: metric.name },
            target,
          },
        };
      default:
        return {
          type: 'External',
          external: { metric: { name: metric.name }, target },
        };
    }
  });
  return {
    minReplicas: autoscaler.minReplicas,
    maxReplicas: autoscaler.maxReplicas,
    metrics,
    behavior: autoscaler.behavior as HpaSpec['behavior'],
  };
}
