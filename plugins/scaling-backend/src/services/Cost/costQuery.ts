import { InputError } from '@backstage/errors';
import { CostWindow } from '@meschain/backstage-plugin-scaling-common';
import { addDays, dayOf, daysBetween } from './costWindows';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Two years and a leap day: a year against the year before it. */
const MAX_DAYS = 732;
const DEFAULT_DAYS = 30;

function readDay(name: string, value: string): string {
  if (!DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new InputError(
      `${name} must be a date written YYYY-MM-DD, got '${value}'`,
    );
  }
  if (dayOf(new Date(`${value}T00:00:00Z`)) !== value) {
    throw new InputError(`${name} is not a calendar date: '${value}'`);
  }
  return value;
}

/** The window of a request's `start` and `end`, by default the last 30 complete days. */
export function readCostWindow(
  query: { start?: string; end?: string },
  now: Date = new Date(),
): CostWindow {
  const end = query.end ? readDay('end', query.end) : dayOf(now);
  const start = query.start
    ? readDay('start', query.start)
    : addDays(end, -DEFAULT_DAYS);
  if (start >= end) {
    throw new InputError(`start (${start}) must be before end (${end})`);
  }
  if (daysBetween({ start, end }) > MAX_DAYS) {
    throw new InputError(
      `The window from ${start} to ${end} is longer than ${MAX_DAYS} days`,
    );
  }
  return { start, end };
}
