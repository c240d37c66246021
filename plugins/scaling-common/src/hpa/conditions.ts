import type { HpaCondition } from './types';

/** A condition to set, without its transition time. */
export type HpaConditionUpdate = Omit<HpaCondition, 'lastTransitionTime'>;

/**
 * Sets one condition in a list (upstream `setConditionInList`): replaces the
 * condition of the same type, or appends it. The transition time moves only
 * when the status changes.
 */
export function setCondition(
  conditions: readonly HpaCondition[],
  update: HpaConditionUpdate,
  now: number,
): HpaCondition[] {
  const index = conditions.findIndex(
    condition => condition.type === update.type,
  );
  const existing = index < 0 ? undefined : conditions[index];
  const lastTransitionTime =
    existing && existing.status === update.status
      ? existing.lastTransitionTime
      : now;
  const condition = { ...update, lastTransitionTime };
  return index < 0
    ? [...conditions, condition]
    : conditions.map((current, i) => (i === index ? condition : current));
}
