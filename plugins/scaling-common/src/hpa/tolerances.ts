import { parseQuantity } from './quantity';
import type { HpaBehavior } from './types';

/**
 * @public
 * How far the usage ratio may stray from 1.0 before the replica count changes,
 * per direction (upstream `Tolerances`).
 */
export interface Tolerances {
  scaleDown: number;
  scaleUp: number;
}

/** Both directions with the same tolerance. */
export function uniformTolerances(tolerance: number): Tolerances {
  return { scaleDown: tolerance, scaleUp: tolerance };
}

/**
 * @public
 * The tolerances for one HPA: `behavior.scaleUp.tolerance` and
 * `behavior.scaleDown.tolerance` where set (the HPAConfigurableTolerance
 * feature), the controller's tolerance otherwise.
 */
export function tolerancesForBehavior(
  behavior: HpaBehavior | undefined,
  controllerTolerance: number,
): Tolerances {
  const scaleUp = behavior?.scaleUp?.tolerance;
  const scaleDown = behavior?.scaleDown?.tolerance;
  return {
    scaleUp:
      scaleUp === undefined ? controllerTolerance : parseQuantity(scaleUp),
    scaleDown:
      scaleDown === undefined ? controllerTolerance : parseQuantity(scaleDown),
  };
}

/** True when the ratio is close enough to 1.0 that the replica count should not change. */
export function isWithinTolerance(
  usageRatio: number,
  tolerances: Tolerances,
): boolean {
  return (
    1 - tolerances.scaleDown <= usageRatio &&
    usageRatio <= 1 + tolerances.scaleUp
  );
}
