/**
 * One evaluation of one HPA, as the controller's `reconcileAutoscaler` does it,
 * minus the API calls: the caller supplies the scale, pods and metrics, and
 * applies the result.
 */
import { setCondition } from './conditions';
import {
  applyHpaSpecDefaults,
  DEFAULT_HPA_CONTROLLER_OPTIONS,
  DefaultedHpaSpec,
  ResolvedBehavior,
  resolveBehavior,
} from './defaults';
import { evaluateMetrics, MetricEvaluationContext } from './metricProposals';
import {
  normalizeWithBehavior,
  normalizeWithoutBehavior,
} from './normalization';
import { recordScaleEvent } from './scaleEvents';
import { tolerancesForBehavior } from './tolerances';
import type {
  HpaCondition,
  HpaControllerOptions,
  HpaHistory,
  HpaMetricStatus,
  HpaSpec,
  MetricObservations,
  PodSample,
} from './types';

/** @public Everything one evaluation reads. */
export interface HpaEvaluationInput {
  spec: HpaSpec;
  /** `spec.replicas` of the scale target. */
  currentReplicas: number;
  /** `status.replicas` of the scale target; defaults to `currentReplicas`. */
  statusReplicas?: number;
  /** The pods the scale target's selector matches. */
  pods: readonly PodSample[];
  metrics: MetricObservations;
  /** Evaluation time, in milliseconds since the epoch. */
  now: number;
  /**
   * What the previous evaluation returned as `nextHistory`. Leave it out for an
   * HPA never evaluated: its current size then counts as a recent
   * recommendation, so it cannot scale down before a full window has passed.
   */
  history?: HpaHistory;
  /** The HPA's current `status.conditions`, so transition times carry over. */
  conditions?: readonly HpaCondition[];
  options?: Partial<HpaControllerOptions>;
}

/** @public What one evaluation decided. */
export interface HpaRecommendation {
  /** The replica count to set; equals `currentReplicas` when nothing changes. */
  desiredReplicas: number;
  /** True when the scale target should be updated to `desiredReplicas`. */
  rescale: boolean;
  /** Why, when rescaling, e.g. `cpu resource utilization (percentage of request) above target`. */
  reason?: string;
  /** For `status.currentMetrics`. */
  metricStatuses: HpaMetricStatus[];
  /** For `status.conditions`. */
  conditions: HpaCondition[];
  /** To pass to the next evaluation. */
  nextHistory: HpaHistory;
  /**
   * Why some metrics could not be computed. When no decision was possible,
   * `rescale` is false and upstream leaves `status.desiredReplicas` as it was.
   */
  error?: string;
}

/** The settled inputs of one evaluation. */
interface Evaluation {
  input: HpaEvaluationInput;
  spec: DefaultedHpaSpec;
  behavior?: ResolvedBehavior;
  options: HpaControllerOptions;
  history: HpaHistory;
  conditions: HpaCondition[];
}

/** The replica count decided before the scale target is updated. */
interface Decision {
  desiredReplicas: number;
  reason?: string;
  metricStatuses: HpaMetricStatus[];
  conditions: HpaCondition[];
  history: HpaHistory;
  error?: string;
}

function rescaleReason(
  desiredReplicas: number,
  currentReplicas: number,
  metricDescription: string,
): string | undefined {
  if (desiredReplicas > currentReplicas) {
    return `${metricDescription} above target`;
  }
  if (desiredReplicas < currentReplicas) {
    return 'All metrics below target';
  }
  return undefined;
}

function decideFromMetrics(evaluation: Evaluation): Decision {
  const { input, spec, behavior, options, history } = evaluation;
  const { currentReplicas, now } = input;
  const context: MetricEvaluationContext = {
    currentReplicas,
    statusReplicas: input.statusReplicas ?? currentReplicas,
    pods: input.pods,
    observations: input.metrics,
    tolerances: tolerancesForBehavior(spec.behavior, options.tolerance),
    now,
    timing: options,
  };
  const metrics = evaluateMetrics(spec.metrics, context);
  const conditions = setCondition(
    evaluation.conditions,
    metrics.scalingActive,
    now,
  );
  if (metrics.replicas === undefined) {
    return {
      desiredReplicas: currentReplicas,
      metricStatuses: metrics.statuses,
      conditions,
      history,
      error: metrics.error,
    };
  }

  const request = {
    currentReplicas,
    desiredReplicas: metrics.replicas,
    minReplicas: spec.minReplicas,
    maxReplicas: spec.maxReplicas,
    now,
  };
  const normalization = behavior
    ? normalizeWithBehavior(request, history, behavior)
    : normalizeWithoutBehavior(
        request,
        history.recommendations,
        options.downscaleStabilizationWindowSeconds,
      );
  const ableToScale = setCondition(
    conditions,
    { type: 'AbleToScale', status: 'True', ...normalization.ableToScale },
    now,
  );
  return {
    desiredReplicas: normalization.desiredReplicas,
    reason: rescaleReason(
      metrics.replicas,
      currentReplicas,
      metrics.description,
    ),
    metricStatuses: metrics.statuses,
    conditions: setCondition(
      ableToScale,
      { type: 'ScalingLimited', ...normalization.scalingLimited },
      now,
    ),
    history: { ...history, recommendations: normalization.recommendations },
    error: metrics.error,
  };
}

function decide(evaluation: Evaluation): Decision {
  const { input, spec, history, conditions } = evaluation;
  const { currentReplicas, now } = input;
  const unchanged = { metricStatuses: [], conditions, history };
  if (currentReplicas === 0 && spec.minReplicas !== 0) {
    return {
      ...unchanged,
      desiredReplicas: 0,
      conditions: setCondition(
        conditions,
        {
          type: 'ScalingActive',
          status: 'False',
          reason: 'ScalingDisabled',
          message:
            'scaling is disabled since the replica count of the target is zero',
        },
        now,
      ),
    };
  }
  if (currentReplicas > spec.maxReplicas) {
    return {
      ...unchanged,
      desiredReplicas: spec.maxReplicas,
      reason: 'Current number of replicas above Spec.MaxReplicas',
    };
  }
  if (currentReplicas < spec.minReplicas) {
    return {
      ...unchanged,
      desiredReplicas: spec.minReplicas,
      reason: 'Current number of replicas below Spec.MinReplicas',
    };
  }
  return decideFromMetrics(evaluation);
}

/**
 * @public
 * Evaluates an HPA once: proposes replicas from each metric, takes the
 * highest, then stabilizes and limits it as the controller does. Pure: the
 * same input always gives the same result, and `nextHistory` carries all the
 * state the next evaluation needs.
 */
export function computeHpaRecommendation(
  input: HpaEvaluationInput,
): HpaRecommendation {
  const { currentReplicas, now } = input;
  const options = { ...DEFAULT_HPA_CONTROLLER_OPTIONS, ...input.options };
  const spec = applyHpaSpecDefaults(input.spec);
  const behavior =
    spec.behavior &&
    resolveBehavior(spec.behavior, options.downscaleStabilizationWindowSeconds);
  // The first evaluation counts the current size as a recent recommendation,
  // so a new HPA does not scale down before a full window has passed.
  const history: HpaHistory = input.history ?? {
    recommendations: [{ replicas: currentReplicas, timestamp: now }],
    scaleUpEvents: [],
    scaleDownEvents: [],
  };
  const conditions = setCondition(
    input.conditions ?? [],
    {
      type: 'AbleToScale',
      status: 'True',
      reason: 'SucceededGetScale',
      message: "the HPA controller was able to get the target's current scale",
    },
    now,
  );

  const decision = decide({
    input,
    spec,
    behavior,
    options,
    history,
    conditions,
  });
  if (decision.desiredReplicas === currentReplicas) {
    return {
      desiredReplicas: currentReplicas,
      rescale: false,
      metricStatuses: decision.metricStatuses,
      conditions: decision.conditions,
      nextHistory: decision.history,
      error: decision.error,
    };
  }
  return {
    desiredReplicas: decision.desiredReplicas,
    rescale: true,
    reason: decision.reason,
    metricStatuses: decision.metricStatuses,
    conditions: setCondition(
      decision.conditions,
      {
        type: 'AbleToScale',
        status: 'True',
        reason: 'SucceededRescale',
        message: `the HPA controller was able to update the target scale to ${decision.desiredReplicas}`,
      },
      now,
    ),
    nextHistory: {
      ...decision.history,
      ...recordScaleEvent(
        decision.history,
        behavior,
        currentReplicas,
        decision.desiredReplicas,
        now,
      ),
    },
    error: decision.error,
  };
}
