import { CostWindow } from '@meschain/backstage-plugin-scaling-common';
import { formatMoney, formatPercent } from '../../format';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * @public
 * An amount with its currency: cents below 1,000, whole units above, where
 * cents would only be noise. The suite's one money format.
 */
export const formatCost = formatMoney;

/** A difference with its sign, e.g. `+$12.40 (+5.1 %)`. */
export function formatCostDifference(
  absolute: number,
  ratio: number | null,
  currency: string,
): string {
  const sign = absolute > 0 ? '+' : '';
  const amount = `${sign}${formatCost(absolute, currency)}`;
  if (ratio === null) {
    return amount;
  }
  return `${amount} (${sign}${(ratio * 100).toFixed(1)} %)`;
}

export { formatPercent };

// Spelled out rather than left to Intl, whose short month names differ
// between ICU versions ("Sep" or "Sept").
const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

/** A day, as a time or `YYYY-MM-DD`, e.g. `5 Nov 2026`. */
export function formatDay(time: number | string): string {
  const day = new Date(
    typeof time === 'string' ? Date.parse(`${time}T00:00:00Z`) : time,
  );
  return `${day.getUTCDate()} ${
    MONTHS[day.getUTCMonth()]
  } ${day.getUTCFullYear()}`;
}

/** The days of a window, whose end is exclusive, e.g. `28 Oct 2026 – 26 Nov 2026 (30 days)`. */
export function formatCostWindow({ start, end }: CostWindow): string {
  const first = Date.parse(`${start}T00:00:00Z`);
  const last = Date.parse(`${end}T00:00:00Z`) - DAY_MS;
  const days = Math.round((last - first) / DAY_MS) + 1;
  return `${formatDay(first)} – ${formatDay(last)} (${days} ${
    days === 1 ? 'day' : 'days'
  })`;
}

/**
 * The window a cost answer covers, and where its data starts when the window
 * reaches before it: `6 Sep 2026 – 4 Dec 2026 (90 days), data since 5 Nov 2026`.
 */
export function describeCostWindow(value: {
  window: CostWindow;
  dataStart?: string;
}): string {
  const { window, dataStart } = value;
  return dataStart && dataStart > window.start
    ? `${formatCostWindow(window)}, data since ${formatDay(dataStart)}`
    : formatCostWindow(window);
}

/** A `YYYY-MM` month, e.g. `Oct 2026`. */
export function formatMonth(month: string): string {
  const [year, monthNumber] = month.split('-');
  return `${MONTHS[Number(monthNumber) - 1]} ${year}`;
}

/** @public The last `days` complete UTC days before `now`. */
export function lastCompleteDays(days: number, now = new Date()): CostWindow {
  const end = Date.UTC(
    now.getUTCFullYear(),
    now.getUTCMonth(),
    now.getUTCDate(),
  );
  return { start: isoDay(end - days * DAY_MS), end: isoDay(end) };
}

function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

const ACRONYMS: Record<string, string> = { cpu: 'CPU', hpa: 'HPA', gib: 'GiB' };

/** A recommendation's input or proposal key as words, e.g. `cpuUsageP95Cores` as `CPU usage p95 cores`. */
export function formatFigureName(name: string): string {
  const words = (
    name.match(/GiB|[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])/g) ?? [name]
  ).map(word => ACRONYMS[word.toLowerCase()] ?? word.toLowerCase());
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
