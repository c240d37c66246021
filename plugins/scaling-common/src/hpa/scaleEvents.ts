/**
 * The record of past scale changes that the rate-limiting policies read
 * (upstream `storeScaleEvent` and `getReplicasChangePerPeriod`).
 */
import type { ResolvedBehavior, ResolvedScalingRules } from './defaults';
import type { HpaHistory, TimestampedScaleEvent } from './types';

const SECOND = 1000;

/** Replicas added (or removed) by the events of the last `periodSeconds`. */
export function replicasChangedWithin(
  events: readonly TimestampedScaleEvent[],
  periodSeconds: number,
  now: number,
): number {
  const cutoff = now - periodSeconds * SECOND;
  return events
    .filter(event => event.timestamp > cutoff)
    .reduce((sum, event) => sum + event.replicaChange, 0);
}

function longestPolicyPeriodSeconds(rules: ResolvedScalingRules): number {
  return Math.max(0, ...rules.policies.map(policy => policy.periodSeconds));
}

/**
 * Adds an event, reusing the slot of the last event that no policy looks at
 * any more, so the list never grows beyond what the policies need.
 */
function addEvent(
  events: readonly TimestampedScaleEvent[],
  rules: ResolvedScalingRules,
  replicaChange: number,
  now: number,
): TimestampedScaleEvent[] {
  const cutoff = now - longestPolicyPeriodSeconds(rules) * SECOND;
  const marked = events.map(event => ({
    ...event,
    outdated: event.outdated || event.timestamp < cutoff,
  }));
  const newEvent = { replicaChange, timestamp: now, outdated: false };
  const reusableIndex = marked.map(event => event.outdated).lastIndexOf(true);
  if (reusableIndex < 0) {
    return [...marked, newEvent];
  }
  marked[reusableIndex] = newEvent;
  return marked;
}

/**
 * Records a change from `previousReplicas` to `newReplicas`. Without a
 * behavior nothing is recorded, because only behavior policies read events.
 */
export function recordScaleEvent(
  history: Pick<HpaHistory, 'scaleUpEvents' | 'scaleDownEvents'>,
  behavior: ResolvedBehavior | undefined,
  previousReplicas: number,
  newReplicas: number,
  now: number,
): Pick<HpaHistory, 'scaleUpEvents' | 'scaleDownEvents'> {
  if (!behavior) {
    return history;
  }
  if (newReplicas > previousReplicas) {
    return {
      ...history,
      scaleUpEvents: addEvent(
        history.scaleUpEvents,
        behavior.scaleUp,
        newReplicas - previousReplicas,
        now,
      ),
    };
  }
  return {
    ...history,
    scaleDownEvents: addEvent(
      history.scaleDownEvents,
      behavior.scaleDown,
      previousReplicas - newReplicas,
      now,
    ),
  };
}
