/**
 * How far the replica count may move given the behavior policies and the
 * changes already made within each policy's period (upstream
 * `calculateScaleUpLimitWithScalingRules` and
 * `calculateScaleDownLimitWithBehaviors`).
 */
import type { ResolvedScalingRules } from './defaults';
import { replicasChangedWithin } from './scaleEvents';
import type { HpaHistory, HpaScalingPolicy } from './types';

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

type Direction = 'up' | 'down';

/** The limit one policy sets, from the replica count at its period's start. */
const policyLimit: Record<
  Direction,
  (start: number, policy: HpaScalingPolicy) => number
> = {
  // Rounded up, so a small percentage still allows at least one more pod.
  up: (start, { type, value }) =>
    type === 'Pods' ? start + value : Math.ceil(start * (1 + value / 100)),
  down: (start, { type, value }) =>
    type === 'Pods' ? start - value : Math.trunc(start * (1 - value / 100)),
};

function rateLimit(
  direction: Direction,
  currentReplicas: number,
  events: ScaleEventHistory,
  rules: ResolvedScalingRules,
  now: number,
): number {
  if (rules.selectPolicy === 'Disabled') {
    return currentReplicas;
  }
  const limits = rules.policies.map(policy =>
    policyLimit[direction](
      replicasAtPeriodStart(currentReplicas, policy.periodSeconds, events, now),
      policy,
    ),
  );
  // 'Min' picks the smallest change: the lowest limit when scaling up, the
  // highest when scaling down.
  const lowest = (rules.selectPolicy === 'Min') === (direction === 'up');
  return lowest ? Math.min(...limits) : Math.max(...limits);
}

/** The most replicas the scale-up rules allow now. */
export function scaleUpLimit(
  currentReplicas: number,
  events: ScaleEventHistory,
  rules: ResolvedScalingRules,
  now: number,
): number {
  return rateLimit('up', currentReplicas, events, rules, now);
}

/** The fewest replicas the scale-down rules allow now. */
export function scaleDownLimit(
  currentReplicas: number,
  events: ScaleEventHistory,
  rules: ResolvedScalingRules,
  now: number,
): number {
  return rateLimit('down', currentReplicas, events, rules, now);
}

/**
 * The scale-up cap applied when an HPA has no behavior: twice the current
 * replicas, or 4, whichever is more. It guards against bogus usage spikes.
 */
export function legacyScaleUpLimit(currentReplicas: number): number {
  return Math.max(2 * currentReplicas, 4);
}
