/**
 * The HPA controller's sync for a replayed service, at the cost of a few
 * arithmetic operations: pods are counted by group instead of listed, and the
 * stabilization windows are kept incrementally. It takes the same decisions
 * as `computeHpaRecommendation` fed the equivalent pods and metrics (the
 * tests hold the two side by side), using its normalization and rate limits.
 */
import {
  applyHpaSpecDefaults,
  DefaultedHpaSpec,
  ResolvedBehavior,
  resolveBehavior,
} from '../hpa/defaults';
import { limitWithBehavior, limitWithoutBehavior } from '../hpa/normalization';
import type { ScaleEventHistory } from '../hpa/rateLimits';
import { recordScaleEvent } from '../hpa/scaleEvents';
import {
  isWithinTolerance,
  tolerancesForBehavior,
  Tolerances,
} from '../hpa/tolerances';
import type { HpaControllerOptions, HpaSpec } from '../hpa/types';
import type { ReplayController, Rescale, SyncView } from './controllerLoop';
import type { PodCounts } from './podCohorts';
import { ReplayMetric, replayMetric } from './replayMetrics';
import type { ServiceModel } from './serviceModel';
import { StabilizationWindows } from './stabilizationWindows';

/**
 * One metric's replica proposal for pods counted by group (upstream
 * `GetResourceReplicas` and `calcPlainMetricReplicas`, where no running pod
 * lacks a sample). Undefined when no pod has a usable sample.
 */
export function proposeReplicas(
  metric: ReplayMetric,
  counts: PodCounts,
  sample: number,
  currentReplicas: number,
  tolerances: Tolerances,
): number | undefined {
  const unready =
    counts.total -
    counts.running +
    (metric.cpuReadiness ? counts.freshlyStarted : 0);
  const ready = counts.total - unready;
  if (ready === 0) return undefined;
  const usageRatio = metric.usageRatio(ready * sample, ready);
  if (unready === 0 || usageRatio <= 1) {
    return isWithinTolerance(usageRatio, tolerances)
      ? currentReplicas
      : Math.ceil(usageRatio * ready);
  }
  // Scaling up with pods not ready yet: they count as idle, which damps the step.
  const dampedRatio = metric.usageRatio(ready * sample, counts.total);
  if (isWithinTolerance(dampedRatio, tolerances) || dampedRatio < 1) {
    return currentReplicas;
  }
  return Math.max(Math.ceil(dampedRatio * counts.total), currentReplicas);
}

export class IncrementalController implements ReplayController {
  readonly #spec: DefaultedHpaSpec;
  readonly #behavior?: ResolvedBehavior;
  readonly #tolerances: Tolerances;
  readonly #metrics: ReplayMetric[];
  readonly #windows: StabilizationWindows;
  #events: ScaleEventHistory = { scaleUpEvents: [], scaleDownEvents: [] };
  #seeded = false;

  constructor(
    spec: HpaSpec,
    options: HpaControllerOptions,
    model: ServiceModel,
  ) {
    this.#spec = applyHpaSpecDefaults(spec);
    this.#behavior =
      this.#spec.behavior &&
      resolveBehavior(
        this.#spec.behavior,
        options.downscaleStabilizationWindowSeconds,
      );
    this.#tolerances = tolerancesForBehavior(spec.behavior, options.tolerance);
    this.#metrics = this.#spec.metrics.map((metric, index) =>
      replayMetric(metric, index, model),
    );
    this.#windows = new StabilizationWindows(
      this.#behavior,
      options.downscaleStabilizationWindowSeconds,
    );
  }

  sync(view: SyncView): Rescale | undefined {
    const { now, currentReplicas } = view;
    if (!this.#seeded) {
      // A new HPA counts its current size as a recent recommendation.
      this.#windows.record(currentReplicas, view.elapsed);
      this.#seeded = true;
    }
    const rescale = this.#decide(view);
    if (rescale) {
      this.#events = recordScaleEvent(
        this.#events,
        this.#behavior,
        currentReplicas,
        rescale.replicas,
        now,
      );
    }
    return rescale;
  }

  #decide(view: SyncView): Rescale | undefined {
    const { now, currentReplicas, minReplicas } = view;
    const { maxReplicas } = this.#spec;
    if (currentReplicas === 0 && minReplicas !== 0) return undefined;
    if (currentReplicas > maxReplicas) {
      return {
        replicas: maxReplicas,
        reason: 'Current number of replicas above Spec.MaxReplicas',
      };
    }
    if (currentReplicas < minReplicas) {
      return {
        replicas: minReplicas,
        reason: 'Current number of replicas below Spec.MinReplicas',
      };
    }

    const counts = view.pods.counts(view.elapsed);
    let proposed = 0;
    let description = '';
    let invalid = 0;
    for (const metric of this.#metrics) {
      const replicas =
        counts.running === 0
          ? undefined
          : proposeReplicas(
              metric,
              counts,
              metric.podSample(view.load, counts.running),
              currentReplicas,
              this.#tolerances,
            );
      if (replicas === undefined) {
        invalid += 1;
      } else if (proposed === 0 || replicas > proposed) {
        proposed = replicas;
        description = metric.description;
      }
    }
    if (
      invalid === this.#metrics.length ||
      (invalid > 0 && proposed < currentReplicas)
    ) {
      return undefined;
    }

    const stabilized = this.#windows.stabilize(
      currentReplicas,
      proposed,
      view.elapsed,
    );
    // The limits never move a count that stays put: min and max were checked above.
    if (stabilized === currentReplicas) return undefined;
    const request = {
      currentReplicas,
      desiredReplicas: stabilized,
      minReplicas,
      maxReplicas,
    };
    const limited = this.#behavior
      ? limitWithBehavior(request, this.#events, this.#behavior, now)
      : limitWithoutBehavior(
          currentReplicas,
          stabilized,
          minReplicas,
          maxReplicas,
        );
    if (limited.replicas === currentReplicas) return undefined;
    return {
      replicas: limited.replicas,
      reason:
        proposed > currentReplicas
          ? `${description} above target`
          : 'All metrics below target',
    };
  }
}
