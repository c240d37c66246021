/**
 * The HPA behavior of a policy: what its "scale down below" thresholds become,
 * overlaid with the behavior the user set by hand.
 *
 * An HPA keeps each metric at one target. It removes pods whenever usage is
 * under the target (less the controller's tolerance, 10 % by default), so it
 * has no lower threshold to wait for. What it can do is wait and slow down.
 * A threshold of X % therefore becomes:
 *
 * - a 300 s scale-down stabilization window: pods are removed only down to the
 *   highest count recommended over the last five minutes, so load must stay
 *   low, not merely dip. It is the controller's default, written out so the
 *   HPA shows what it does;
 * - at most X % fewer pods per 60 s: the lower a team sets the threshold, the
 *   more capacity it wants to keep, so the slower pods go. (The controller
 *   rounds the pods kept down, so a small workload can still lose one.)
 *
 * Behavior is one per HPA, not per metric, so with several thresholds the
 * lowest (the most cautious) sets the rate.
 *
 * `scaleDown.tolerance = 1 - X / target` would express a threshold exactly, but
 * it is behind the HPAConfigurableTolerance feature gate (alpha in Kubernetes
 * 1.33), API servers without the gate drop it silently, and it too is one value
 * for all metrics.
 */
import type { HpaBehavior, HpaScalingRules } from '../hpa/types';
import type {
  ScalingBehaviorOverride,
  ScalingPolicy,
  ScalingRulesOverride,
  ScalingTarget,
  UtilizationTarget,
} from './types';

/** The scale-down stabilization window a "scale down below" threshold sets. */
export const SCALE_DOWN_STABILIZATION_SECONDS = 300;

/** The period of the down-rate a "scale down below" threshold sets. */
export const SCALE_DOWN_RATE_PERIOD_SECONDS = 60;

/** Beyond 100 % a down-rate no longer limits anything. */
const MAX_DOWN_RATE_PERCENT = 100;

/** The threshold that sets the down-rate, and where it is in the policy. */
export interface GoverningThreshold {
  targetIndex: number;
  target: UtilizationTarget;
  scaleDownBelow: number;
}

/** The lowest "scale down below" threshold of the targets, if any sets one. */
export function governingThreshold(
  targets: readonly ScalingTarget[],
): GoverningThreshold | undefined {
  let lowest: GoverningThreshold | undefined;
  targets.forEach((target, targetIndex) => {
    if (target.kind !== 'cpu' && target.kind !== 'memory') {
      return;
    }
    const { scaleDownBelow } = target;
    if (
      scaleDownBelow !== undefined &&
      (!lowest || scaleDownBelow < lowest.scaleDownBelow)
    ) {
      lowest = { targetIndex, target, scaleDownBelow };
    }
  });
  return lowest;
}

/** The most pods, in percent, a threshold lets go per `SCALE_DOWN_RATE_PERIOD_SECONDS`. */
export function scaleDownRatePercent(scaleDownBelow: number): number {
  return Math.min(scaleDownBelow, MAX_DOWN_RATE_PERCENT);
}

/** The behavior the targets' thresholds imply, before any override. */
export function thresholdBehavior(
  targets: readonly ScalingTarget[],
): HpaBehavior | undefined {
  const threshold = governingThreshold(targets);
  if (!threshold) {
    return undefined;
  }
  return {
    scaleDown: {
      stabilizationWindowSeconds: SCALE_DOWN_STABILIZATION_SECONDS,
      policies: [
        {
          type: 'Percent',
          value: scaleDownRatePercent(threshold.scaleDownBelow),
          periodSeconds: SCALE_DOWN_RATE_PERIOD_SECONDS,
        },
      ],
    },
  };
}

function overlay(
  derived: HpaScalingRules | undefined,
  override: ScalingRulesOverride | undefined,
): HpaScalingRules | undefined {
  const set = Object.entries(override ?? {}).filter(
    ([, value]) => value !== undefined,
  );
  if (!derived && set.length === 0) {
    return undefined;
  }
  return { ...derived, ...Object.fromEntries(set) };
}

/** The `spec.behavior` a policy renders to; undefined leaves the controller's defaults. */
export function renderBehavior(
  policy: Pick<ScalingPolicy, 'targets' | 'behavior'>,
): HpaBehavior | undefined {
  const derived = thresholdBehavior(policy.targets);
  const override: ScalingBehaviorOverride = policy.behavior ?? {};
  const scaleUp = overlay(derived?.scaleUp, override.scaleUp);
  const scaleDown = overlay(derived?.scaleDown, override.scaleDown);
  if (!scaleUp && !scaleDown) {
    return undefined;
  }
  return {
    ...(scaleUp && { scaleUp }),
    ...(scaleDown && { scaleDown }),
  };
}
