import { fnv32a, safeEncode } from '../podTemplateHash';
import type { CanaryStep, Rollout } from '../kinds';

/** Reading a canary's steps as Argo Rollouts' `GetCurrentCanaryStep` and friends do. */

export function stepsOf(rollout: Rollout): CanaryStep[] {
  return rollout.spec.strategy.canary?.steps ?? [];
}

export function currentStepIndex(rollout: Rollout): number | undefined {
  const steps = stepsOf(rollout);
  if (!rollout.spec.strategy.canary || !steps.length) return undefined;
  return rollout.status?.currentStepIndex ?? 0;
}

export function currentStep(rollout: Rollout): CanaryStep | undefined {
  const index = currentStepIndex(rollout);
  return index === undefined ? undefined : stepsOf(rollout)[index];
}

export function maxTrafficWeight(rollout: Rollout): number {
  return rollout.spec.strategy.canary?.trafficRouting?.maxTrafficWeight ?? 100;
}

export function usesTrafficRouting(rollout: Rollout): boolean {
  return !!rollout.spec.strategy.canary?.trafficRouting;
}

/** The weight of the last setWeight step at or before the current one (`GetCurrentSetWeight`). */
export function currentSetWeight(rollout: Rollout): number {
  if (rollout.status?.abort) return 0;
  const index = currentStepIndex(rollout);
  const steps = stepsOf(rollout);
  if (index === undefined || index >= steps.length)
    return maxTrafficWeight(rollout);
  for (let i = index; i >= 0; i--) {
    const weight = steps[i].setWeight;
    if (weight !== undefined) return weight;
  }
  return 0;
}

/** The setCanaryScale in force (only with traffic routing, and cancelled by matchTrafficWeight). */
export function currentCanaryScale(
  rollout: Rollout,
): CanaryStep['setCanaryScale'] | undefined {
  if (!usesTrafficRouting(rollout) || rollout.status?.abort) return undefined;
  const index = currentStepIndex(rollout);
  const steps = stepsOf(rollout);
  if (index === undefined || index >= steps.length) return undefined;
  for (let i = index; i >= 0; i--) {
    const scale = steps[i].setCanaryScale;
    if (!scale) continue;
    return scale.matchTrafficWeight ? undefined : scale;
  }
  return undefined;
}

/** A pause step's duration in seconds: a number, or a Go duration such as `30s`, `5m`, `1h`. */
export function pauseDurationSeconds(
  duration: number | string | undefined,
): number | undefined {
  if (duration === undefined) return undefined;
  if (typeof duration === 'number') return duration;
  if (/^\d+$/.test(duration)) return Number(duration);
  let total = 0;
  const units: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001 };
  const pattern = /(\d+(?:\.\d+)?)(ms|h|m|s)/g;
  let matched = '';
  for (
    let match = pattern.exec(duration);
    match;
    match = pattern.exec(duration)
  ) {
    total += Number(match[1]) * units[match[2]];
    matched += match[0];
  }
  return matched === duration ? Math.floor(total) : undefined;
}

/** How `kubectl argo rollouts` prints a step in events: `setWeight: 20`, `pause: 30s`. */
export function describeStep(step: CanaryStep): string {
  if (step.setWeight !== undefined) return `setWeight: ${step.setWeight}`;
  if (step.pause)
    return step.pause.duration !== undefined
      ? `pause: ${step.pause.duration}`
      : 'pause';
  if (step.setCanaryScale)
    return `setCanaryScale: ${JSON.stringify(step.setCanaryScale)}`;
  if (step.setHeaderRoute)
    return `setHeaderRoute: ${step.setHeaderRoute.name ?? ''}`;
  return Object.keys(step)[0] ?? 'unknown';
}

/**
 * Changes when the steps change, so that editing them restarts the canary. Argo's
 * `ComputeStepHash`: FNV-32a of the steps' JSON, safe-encoded; the same value as Argo's as long
 * as each step's keys are in the order of Argo's Go structs, as written by hand they usually are.
 */
export function stepHash(rollout: Rollout): string {
  return safeEncode(
    fnv32a(JSON.stringify(rollout.spec.strategy.canary?.steps ?? null)),
  );
}
