/**
 * Replica proposals for the metrics of an HPA spec, with the status each
 * metric reports and the handling of invalid metrics (upstream
 * `computeReplicasForMetrics` and the `computeStatusFor*Metric` functions).
 */
import type { HpaConditionUpdate } from './conditions';
import { HpaMetricError } from './errors';
import {
  externalMetricSample,
  objectMetricSample,
  podsMetricSamples,
  resourceUsageSamples,
} from './observations';
import { formatMilliQuantity, quantityToMilliValue } from './quantity';
import {
  averageValueReplicas,
  externalValueReplicas,
  objectValueReplicas,
  ReplicaCalculation,
  resourceUtilizationReplicas,
  totalPerPodReplicas,
} from './replicaCalculator';
import { cappedSum } from './utilization';
import type {
  ContainerResourceMetricSpec,
  ExternalMetricSpec,
  HpaMetricSpec,
  HpaMetricStatus,
  MetricObservations,
  MetricValueStatus,
  ObjectMetricSpec,
  PodsMetricSpec,
  ResourceMetricSpec,
} from './types';

/** What the metric calculations read besides the specs. */
export interface MetricEvaluationContext extends ReplicaCalculation {
  /** `status.replicas` of the scale subresource: the pods that exist right now. */
  statusReplicas: number;
  observations: MetricObservations;
}

/** One metric's proposal. */
export interface MetricProposal {
  replicas: number;
  /** Names the metric in conditions and scaling reasons, e.g. `cpu resource utilization (percentage of request)`. */
  description: string;
  status: HpaMetricStatus;
}

/** Why one metric could not propose a replica count. */
export interface InvalidMetric {
  /** The ScalingActive reason, e.g. `FailedGetResourceMetric`. */
  reason: string;
  /** The cause, as the condition message reports it. */
  cause: string;
  /** The cause with the metric it concerns, as the controller's error reports it. */
  error: string;
}

/** The metrics' verdict (upstream `computeReplicasForMetrics`). */
export interface MetricsEvaluation {
  /** The highest proposal, or undefined when the invalid metrics forbid acting. */
  replicas?: number;
  /** The metric behind `replicas`. */
  description: string;
  /** `status.currentMetrics`, one entry per spec. */
  statuses: HpaMetricStatus[];
  scalingActive: HpaConditionUpdate;
  /** Set when at least one metric is invalid, even if the others still decide. */
  error?: string;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function withCause<T>(prefix: string, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    throw new HpaMetricError(`${prefix}: ${errorMessage(error)}`);
  }
}

/** The metric a Resource or ContainerResource spec names, and the status it reports. */
interface ResourceMetricShape {
  name: string;
  target: ResourceMetricSpec['resource']['target'];
  /** Set for a ContainerResource metric. */
  container?: string;
}

function resourceStatus(
  { name, container }: ResourceMetricShape,
  current: MetricValueStatus,
): HpaMetricStatus {
  return container === undefined
    ? { type: 'Resource', resource: { name, current } }
    : {
        type: 'ContainerResource',
        containerResource: { name, container, current },
      };
}

/** Upstream `computeStatusForResourceMetricGeneric`. */
function proposeForResourceShape(
  shape: ResourceMetricShape,
  context: MetricEvaluationContext,
): MetricProposal {
  const { name, target, container } = shape;
  const subject = container === undefined ? name : `${name} container`;
  const samples = () =>
    resourceUsageSamples(context.observations, name, context.now, container);
  if (target.averageValue !== undefined) {
    const targetUsage = quantityToMilliValue(target.averageValue);
    const { replicas, usage } = withCause(`failed to get ${name} usage`, () =>
      averageValueReplicas(context, samples(), targetUsage, name),
    );
    return {
      replicas,
      description: `${subject} resource`,
      status: resourceStatus(shape, {
        averageValue: formatMilliQuantity(usage),
      }),
    };
  }
  const targetUtilization = target.averageUtilization;
  if (targetUtilization === undefined) {
    const source = container === undefined ? 'resource' : 'container resource';
    throw new HpaMetricError(
      `invalid ${source} metric source: neither an average utilization target nor an average value (usage) target was set`,
    );
  }
  const proposal = withCause(`failed to get ${name} utilization`, () =>
    resourceUtilizationReplicas(
      context,
      name,
      samples(),
      targetUtilization,
      container,
    ),
  );
  return {
    replicas: proposal.replicas,
    description: `${subject} resource utilization (percentage of request)`,
    status: resourceStatus(shape, {
      averageUtilization: proposal.utilization,
      averageValue: formatMilliQuantity(proposal.rawAverageValue),
    }),
  };
}

function proposeForResource(
  { resource }: ResourceMetricSpec,
  context: MetricEvaluationContext,
): MetricProposal {
  return proposeForResourceShape(resource, context);
}

function proposeForContainerResource(
  { containerResource }: ContainerResourceMetricSpec,
  context: MetricEvaluationContext,
): MetricProposal {
  return proposeForResourceShape(containerResource, context);
}

function proposeForPods(
  { pods: { metric, target } }: PodsMetricSpec,
  context: MetricEvaluationContext,
): MetricProposal {
  if (target.averageValue === undefined) {
    throw new HpaMetricError(
      'invalid pods metric source: no average value target was set',
    );
  }
  const { replicas, usage } = averageValueReplicas(
    context,
    podsMetricSamples(context.observations, metric, context.now),
    quantityToMilliValue(target.averageValue),
  );
  return {
    replicas,
    description: `pods metric ${metric.name}`,
    status: {
      type: 'Pods',
      pods: { metric, current: { averageValue: formatMilliQuantity(usage) } },
    },
  };
}

function proposeForObject(
  { object: { describedObject, metric, target } }: ObjectMetricSpec,
  context: MetricEvaluationContext,
): MetricProposal {
  const sample = () =>
    quantityToMilliValue(
      objectMetricSample(context.observations, describedObject, metric).value,
    );
  const proposal = (replicas: number, current: MetricValueStatus) => ({
    replicas,
    // Upstream names the average-value case 'external metric', a copy-paste
    // slip; the object's kind says more.
    description: `${describedObject.kind} metric ${metric.name}`,
    status: {
      type: 'Object' as const,
      object: { describedObject, metric, current },
    },
  });
  if (target.type === 'Value' && target.value !== undefined) {
    const { replicas, usage } = objectValueReplicas(
      context,
      sample(),
      quantityToMilliValue(target.value),
    );
    return proposal(replicas, { value: formatMilliQuantity(usage) });
  }
  if (target.type === 'AverageValue' && target.averageValue !== undefined) {
    const { replicas, usage } = totalPerPodReplicas(
      context.statusReplicas,
      sample(),
      quantityToMilliValue(target.averageValue),
      context.tolerances,
    );
    return proposal(replicas, { averageValue: formatMilliQuantity(usage) });
  }
  throw new HpaMetricError(
    'invalid object metric source: neither a value target nor an average value target was set',
  );
}

function proposeForExternal(
  { external: { metric, target } }: ExternalMetricSpec,
  context: MetricEvaluationContext,
): MetricProposal {
  const samples = () =>
    externalMetricSample(context.observations, metric).values.map(value =>
      quantityToMilliValue(value),
    );
  const proposal = (replicas: number, current: MetricValueStatus) => ({
    replicas,
    description: `external metric ${metric.name}(${JSON.stringify(
      metric.selector ?? {},
    )})`,
    status: { type: 'External' as const, external: { metric, current } },
  });
  if (target.averageValue !== undefined) {
    const { replicas, usage } = totalPerPodReplicas(
      context.statusReplicas,
      cappedSum(samples()),
      quantityToMilliValue(target.averageValue),
      context.tolerances,
    );
    return proposal(replicas, { averageValue: formatMilliQuantity(usage) });
  }
  if (target.value !== undefined) {
    const { replicas, usage } = externalValueReplicas(
      context,
      samples(),
      quantityToMilliValue(target.value),
    );
    return proposal(replicas, { value: formatMilliQuantity(usage) });
  }
  throw new HpaMetricError(
    'invalid external metric source: neither a value target nor an average value target was set',
  );
}

function invalid(reason: string, cause: string, error = cause): InvalidMetric {
  return { reason, cause, error };
}

/** The proposal of one metric, or why there is none (upstream `computeReplicasForMetric`). */
export function evaluateMetric(
  spec: HpaMetricSpec,
  context: MetricEvaluationContext,
): MetricProposal | InvalidMetric {
  const attempt = (
    reason: string,
    errorPrefix: string,
    propose: () => MetricProposal,
  ): MetricProposal | InvalidMetric => {
    try {
      return propose();
    } catch (error) {
      const cause = errorMessage(error);
      return invalid(reason, cause, `${errorPrefix}: ${cause}`);
    }
  };
  switch (spec.type) {
    case 'Resource':
      return attempt(
        'FailedGetResourceMetric',
        `failed to get ${spec.resource.name} resource metric value`,
        () => proposeForResource(spec, context),
      );
    case 'ContainerResource':
      return attempt(
        'FailedGetContainerResourceMetric',
        `failed to get ${spec.containerResource.container} container metric value`,
        () => proposeForContainerResource(spec, context),
      );
    case 'Pods':
      return attempt(
        'FailedGetPodsMetric',
        'failed to get pods metric value',
        () => proposeForPods(spec, context),
      );
    case 'Object':
      return attempt(
        'FailedGetObjectMetric',
        'failed to get object metric value',
        () => proposeForObject(spec, context),
      );
    case 'External':
      return attempt(
        'FailedGetExternalMetric',
        `failed to get ${spec.external.metric.name} external metric value`,
        () => proposeForExternal(spec, context),
      );
    default:
      // The API server rejects other types; a hand-written object may still carry one.
      return invalid(
        'InvalidMetricSourceType',
        `unknown metric source type "${(spec as { type: unknown }).type}"`,
      );
  }
}

function isInvalid(
  outcome: MetricProposal | InvalidMetric,
): outcome is InvalidMetric {
  return 'reason' in outcome;
}

/**
 * The highest proposal over all metrics. Invalid metrics are skipped, unless
 * every metric is invalid or the valid ones would scale down: scaling down on
 * partial information could remove capacity a failing metric still needs.
 */
export function evaluateMetrics(
  specs: readonly HpaMetricSpec[],
  context: MetricEvaluationContext,
): MetricsEvaluation {
  const outcomes = specs.map(spec => evaluateMetric(spec, context));
  const invalidMetrics = outcomes.filter(isInvalid);
  const statuses = outcomes.map(
    (outcome): HpaMetricStatus =>
      isInvalid(outcome) ? { type: '' } : outcome.status,
  );

  let replicas = 0;
  let description = '';
  for (const outcome of outcomes) {
    if (
      !isInvalid(outcome) &&
      (replicas === 0 || outcome.replicas > replicas)
    ) {
      replicas = outcome.replicas;
      description = outcome.description;
    }
  }

  const [firstInvalid] = invalidMetrics;
  const error =
    firstInvalid &&
    `invalid metrics (${invalidMetrics.length} invalid out of ${specs.length}), first error is: ${firstInvalid.error}`;
  const mustNotAct =
    invalidMetrics.length >= specs.length ||
    (invalidMetrics.length > 0 && replicas < context.currentReplicas);
  if (mustNotAct) {
    // With no metric spec at all there is no invalid metric to blame; the API
    // server's default CPU metric makes that case unreachable in practice.
    const cause = firstInvalid?.cause ?? 'no metrics are specified';
    return {
      description: '',
      statuses,
      scalingActive: {
        type: 'ScalingActive',
        status: 'False',
        reason: firstInvalid?.reason ?? 'InvalidMetricSourceType',
        message: `the HPA was unable to compute the replica count: ${cause}`,
      },
      error: error ?? cause,
    };
  }
  return {
    replicas,
    description,
    statuses,
    scalingActive: {
      type: 'ScalingActive',
      status: 'True',
      reason: 'ValidMetricFound',
      message: `the HPA was able to successfully calculate a replica count from ${description}`,
    },
    error,
  };
}
