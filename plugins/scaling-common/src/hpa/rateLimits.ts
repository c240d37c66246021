/**
 * How far the replica count may move given the behavior policies and the
 * changes already made within each policy's period (upstream
 * `calculateScaleUpLimitWithScalingRules` and
 * `calculateScaleDownLimitWithBehaviors`).
 */
import type { ResolvedScalingRules } from './defaults';
import { replicasChangedWithin } from './scaleEvents';
import type { HpaHistory } from './types';

/** Past changes in both directions. */
export type ScaleEventHistory = Pick<
  HpaHistory,
  'scaleUpEvents' | 'scaleDownEvents'
>;

/**
 * The replica count when the policy's period began: changes made since then
 * are taken back, so a policy caps the total change over its whole period.
 */
function replicasAtPeriodStart(
  currentReplicas: number,
  periodSeconds: number,
  events: ScaleEventHistory,
  now: number,
): number {
  return (
    currentReplicas -
    replicasChangedWithin(events.scaleUpEvents, periodSeconds, now) +
    replicasChangedWithin(events.scaleDownEvents, periodSeconds, now)
  );
}

/** The most replicas the scale-up rules allow now. */
export function scaleUpLimit(
  currentReplicas: number,
  events: ScaleEventHistory,
  rules: ResolvedScalingRules,
  now: number,
): number {
  if (rules.selectPolicy === 'Disabled') {
    return currentReplicas;
  }
  const proposals = rules.policies.map(policy => {
    const start = replicasAtPeriodStart(
      currentReplicas,
      policy.periodSeconds,
      events,
      now,
    );
    // Rounded up, so a small percentage still allows at least one more pod.
    return policy.type === 'Pods'
      ? start + policy.value
      : Math.ceil(start * (1 + policy.value / 100));
  });
  // 'Min' picks the smallest change, which when scaling up is the lowest limit.
  return rules.selectPolicy === 'Min'
    ? Math.min(...proposals)
    : Math.max(...proposals);
}

/** The fewest replicas the scale-down rules allow now. */
export function scaleDownLimit(
  currentReplicas: number,
  events: ScaleEventHistory,
  rules: ResolvedScalingRules,
  now: number,
): number {
  if (rules.selectPolicy === 'Disabled') {
    return currentReplicas;
  }
  const proposals = rules.policies.map(policy => {
    const start = replicasAtPeriodStart(
      currentReplicas,
      policy.periodSeconds,
      events,
      now,
    );
    return policy.type === 'Pods'
      ? start - policy.value
      : Math.trunc(start * (1 - policy.value / 100));
  });
  // 'Min' picks the smallest change, which when scaling down is the highest limit.
  return rules.selectPolicy === 'Min'
    ? Math.max(...proposals)
    : Math.min(...proposals);
}

/**
 * The scale-up cap applied when an HPA has no behavior: twice the current
 * replicas, or 4, whichever is more. It guards against bogus usage spikes.
 */
export function legacyScaleUpLimit(currentReplicas: number): number {
  return Math.max(2 * currentReplicas, 4);
}
