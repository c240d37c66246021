import type { Condition } from './kinds';

/**
 * The conditions with `next` set: lastTransitionTime moves only when the status flips, and
 * lastUpdateTime (for kinds that carry it) whenever reason or message change.
 */
export function setCondition(
  conditions: readonly Condition[] | undefined,
  next: Omit<Condition, 'lastTransitionTime' | 'lastUpdateTime'>,
  timestamp: string,
  options: { withUpdateTime?: boolean } = {},
): Condition[] {
  const list = [...(conditions ?? [])];
  const index = list.findIndex(c => c.type === next.type);
  const previous = index >= 0 ? list[index] : undefined;
  if (
    previous &&
    previous.status === next.status &&
    previous.reason === next.reason &&
    previous.message === next.message
  ) {
    return list;
  }
  const condition: Condition = {
    ...next,
    ...(options.withUpdateTime ? { lastUpdateTime: timestamp } : {}),
    lastTransitionTime:
      previous && previous.status === next.status
        ? previous.lastTransitionTime
        : timestamp,
  };
  if (index >= 0) list[index] = condition;
  else list.push(condition);
  return list;
}

export function findCondition(
  conditions: readonly Condition[] | undefined,
  type: string,
): Condition | undefined {
  return conditions?.find(c => c.type === type);
}

/** The conditions with `condition` stored as given, replacing any of the same type. */
export function replaceCondition(
  conditions: readonly Condition[] | undefined,
  condition: Condition,
): Condition[] {
  const list = (conditions ?? []).filter(c => c.type !== condition.type);
  const index = (conditions ?? []).findIndex(c => c.type === condition.type);
  list.splice(index >= 0 ? index : list.length, 0, condition);
  return list;
}
