/**
 * The stabilization windows of one HPA over a replay, kept incrementally,
 * with times in seconds since the replay's start.
 * Same answers as `stabilizeDownscale` and `stabilizeWithBehaviorWindows` of
 * the HPA module, which scan every recorded recommendation each evaluation.
 */
import type { ResolvedBehavior } from '../hpa/defaults';
import { SlidingExtreme } from './slidingExtreme';

export class StabilizationWindows {
  readonly #behavior?: ResolvedBehavior;
  readonly #downscaleWindowSeconds: number;
  /** Highest recommendation of the scale-down window. */
  readonly #highest = new SlidingExtreme(true);
  /** Lowest recommendation of the scale-up window. */
  readonly #lowest = new SlidingExtreme(false);

  constructor(
    behavior: ResolvedBehavior | undefined,
    downscaleStabilizationWindowSeconds: number,
  ) {
    this.#behavior = behavior;
    this.#downscaleWindowSeconds = downscaleStabilizationWindowSeconds;
  }

  /** Remembers a recommendation without evaluating: the seed of a first evaluation. */
  record(replicas: number, now: number): void {
    this.#highest.add(now, replicas);
    if (this.#behavior) this.#lowest.add(now, replicas);
  }

  /** The stabilized recommendation; then records `desiredReplicas`. */
  stabilize(
    currentReplicas: number,
    desiredReplicas: number,
    now: number,
  ): number {
    const behavior = this.#behavior;
    let replicas: number;
    if (!behavior) {
      const highest = this.#highest.extreme(
        now - this.#downscaleWindowSeconds,
        true,
      );
      replicas = Math.max(desiredReplicas, highest ?? desiredReplicas);
    } else {
      const upCutoff = now - behavior.scaleUp.stabilizationWindowSeconds;
      const downCutoff = now - behavior.scaleDown.stabilizationWindowSeconds;
      const lowest = this.#lowest.extreme(upCutoff, false);
      const highest = this.#highest.extreme(downCutoff, false);
      const ceiling = Math.min(desiredReplicas, lowest ?? desiredReplicas);
      const floor = Math.max(desiredReplicas, highest ?? desiredReplicas);
      replicas = Math.min(Math.max(currentReplicas, ceiling), floor);
    }
    this.record(desiredReplicas, now);
    return replicas;
  }
}
