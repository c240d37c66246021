import type { IntOrPercent } from './kinds';

/**
 * Resolves an int-or-percent against a total, rounding up for surge and down for unavailability
 * as upstream's `intstr.GetScaledValueFromIntOrPercent` is called for each.
 */
export function resolveIntOrPercent(
  value: IntOrPercent | undefined,
  total: number,
  roundUp: boolean,
  fallback: string,
): number {
  const raw = value ?? fallback;
  if (typeof raw === 'number') return raw;
  const match = /^(\d+)%$/.exec(raw.trim());
  if (!match) {
    const number = Number(raw);
    return Number.isFinite(number) ? number : 0;
  }
  const scaled = (Number(match[1]) * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

/**
 * maxSurge and maxUnavailable of a rolling update (upstream's `ResolveFenceposts`): both default to
 * 25 %, and when both resolve to zero, one pod may be unavailable so the update can progress.
 */
export function resolveFenceposts(
  maxSurge: IntOrPercent | undefined,
  maxUnavailable: IntOrPercent | undefined,
  desired: number,
): { maxSurge: number; maxUnavailable: number } {
  const surge = resolveIntOrPercent(maxSurge, desired, true, '25%');
  const unavailable = resolveIntOrPercent(
    maxUnavailable,
    desired,
    false,
    '25%',
  );
  if (surge === 0 && unavailable === 0)
    return { maxSurge: 0, maxUnavailable: 1 };
  return { maxSurge: surge, maxUnavailable: unavailable };
}
