import { HPA_SYNC_PERIOD_SECONDS, resolveBehavior } from '../hpa/defaults';
import { legacyScaleUpLimit, scaleUpLimit } from '../hpa/rateLimits';
import { recordScaleEvent } from '../hpa/scaleEvents';
import type { HpaBehavior, HpaHistory } from '../hpa/types';

/** Far beyond any real HPA: guards against rules that allow no growth. */
const MAX_SYNC_PERIODS = 10_000;

/**
 * @public
 * How long an HPA takes to grow a workload from `from` to `to` replicas when
 * its metrics ask for `to` all along: one step per sync period, each step as
 * large as the scale-up rules allow (the legacy doubling when the HPA has no
 * `behavior`). The first step is taken at the first sync after the load
 * arrives. Undefined when the rules allow no growth, e.g. `Disabled`.
 */
export function scaleUpDurationSeconds(options: {
  from: number;
  to: number;
  behavior?: HpaBehavior;
  syncPeriodSeconds?: number;
}): number | undefined {
  const { from, to } = options;
  const syncPeriodSeconds =
    options.syncPeriodSeconds ?? HPA_SYNC_PERIOD_SECONDS;
  // Scale-down settings do not matter here; only the scale-up rules are read.
  const behavior = options.behavior && resolveBehavior(options.behavior, 0);
  if (
    behavior &&
    (behavior.scaleUp.selectPolicy === 'Disabled' ||
      behavior.scaleUp.policies.length === 0)
  ) {
    return from >= to ? 0 : undefined;
  }
  let replicas = from;
  let history: Pick<HpaHistory, 'scaleUpEvents' | 'scaleDownEvents'> = {
    scaleUpEvents: [],
    scaleDownEvents: [],
  };
  for (let period = 0; period < MAX_SYNC_PERIODS; period++) {
    if (replicas >= to) {
      return period * syncPeriodSeconds;
    }
    // A policy whose period has not passed yet allows no step now: wait for the next sync.
    const now = (period + 1) * syncPeriodSeconds * 1000;
    const limit = behavior
      ? scaleUpLimit(replicas, history, behavior.scaleUp, now)
      : legacyScaleUpLimit(replicas);
    const next = Math.min(to, limit);
    if (next <= replicas) {
      continue;
    }
    history = recordScaleEvent(history, behavior, replicas, next, now);
    replicas = next;
  }
  return undefined;
}
