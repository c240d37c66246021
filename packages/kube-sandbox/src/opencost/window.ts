import { statusErrors } from '../status';

/** A half-open interval of simulated time, in epoch ms. */
export interface TimeWindow {
  start: number;
  end: number;
}

const UNIT_MS: Record<string, number> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};
const DAY_MS = UNIT_MS.d;

/** `30m`, `24h`, `7d`, `1w` in ms; undefined when not a duration. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)([smhdw])$/.exec(text.trim());
  return match ? Number(match[1]) * UNIT_MS[match[2]] : undefined;
}

/**
 * OpenCost's `window` parameter: `today`, `yesterday`, `week`, `lastweek`, `month`, `lastmonth`,
 * a duration ending now (`24h`, `7d`), or a pair of RFC 3339 times or unix seconds (`start,end`).
 * Days start at 00:00 UTC and weeks on Sunday, as OpenCost computes them in UTC.
 */
export function parseWindow(text: string | undefined, now: number): TimeWindow {
  if (!text) throw statusErrors.badRequest('missing window argument');
  const value = text.trim();
  const midnight = Math.floor(now / DAY_MS) * DAY_MS;
  const date = new Date(midnight);
  const weekStart = midnight - date.getUTCDay() * DAY_MS;
  const monthStart = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  switch (value.toLowerCase()) {
    case 'today':
      return { start: midnight, end: now };
    case 'yesterday':
      return { start: midnight - DAY_MS, end: midnight };
    case 'week':
      return { start: weekStart, end: now };
    case 'lastweek':
      return { start: weekStart - 7 * DAY_MS, end: weekStart };
    case 'month':
      return { start: monthStart, end: now };
    case 'lastmonth':
      return {
        start: Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - 1, 1),
        end: monthStart,
      };
    default:
  }
  const duration = parseDuration(value);
  if (duration !== undefined) return { start: now - duration, end: now };
  const parts = value.split(',');
  if (parts.length === 2) {
    const [start, end] = parts.map(part =>
      /^\d+$/.test(part.trim()) ? Number(part) * 1000 : Date.parse(part.trim()),
    );
    if (Number.isFinite(start) && Number.isFinite(end) && start < end)
      return { start, end };
  }
  throw statusErrors.badRequest(`invalid window: ${text}`);
}

/** The window cut into consecutive `step`-long sets (the last one may be shorter). */
export function splitWindow(
  window: TimeWindow,
  step: number | undefined,
): TimeWindow[] {
  if (!step || step >= window.end - window.start) return [window];
  const sets: TimeWindow[] = [];
  for (let start = window.start; start < window.end; start += step) {
    sets.push({ start, end: Math.min(start + step, window.end) });
  }
  return sets;
}
