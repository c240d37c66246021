import { CostWindow } from '@meschain/backstage-plugin-scaling-common';

const DAY_MS = 86_400_000;

export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
}

export function daysBetween(window: CostWindow): number {
  return Math.round(
    (Date.parse(`${window.end}T00:00:00Z`) -
      Date.parse(`${window.start}T00:00:00Z`)) /
      DAY_MS,
  );
}

/** Every day of the window, in order. */
export function eachDay(window: CostWindow): string[] {
  const days: string[] = [];
  for (let day = window.start; day < window.end; day = addDays(day, 1)) {
    days.push(day);
  }
  return days;
}

/** The same-length window just before. */
export function previousWindow(window: CostWindow): CostWindow {
  return {
    start: addDays(window.start, -daysBetween(window)),
    end: window.start,
  };
}

/**
 * The window split into whole calendar months, answered from the monthly
 * rollup, and the days at either edge that are not a whole month.
 */
export function splitByWholeMonths(window: CostWindow): {
  months: string[];
  edges: CostWindow[];
} {
  const firstWholeMonth = window.start.endsWith('-01')
    ? window.start
    : `${addMonths(window.start.slice(0, 7), 1)}-01`;
  const afterLastWholeMonth = `${window.end.slice(0, 7)}-01`;
  if (firstWholeMonth >= afterLastWholeMonth) {
    return { months: [], edges: [window] };
  }
  const months: string[] = [];
  for (
    let month = firstWholeMonth.slice(0, 7);
    `${month}-01` < afterLastWholeMonth;
    month = addMonths(month, 1)
  ) {
    months.push(month);
  }
  const edges = [
    { start: window.start, end: firstWholeMonth },
    { start: afterLastWholeMonth, end: window.end },
  ].filter(edge => edge.start < edge.end);
  return { months, edges };
}

export function addMonths(month: string, months: number): string {
  const [year, m] = month.split('-').map(Number);
  const index = year * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(
    2,
    '0',
  )}`;
}
