import { ReportPeriod } from '@meschain/backstage-plugin-scaling-common';

const DAY_MS = 24 * 60 * 60 * 1000;

export function startOf(period: ReportPeriod): Date {
  return new Date(`${period.start}T00:00:00Z`);
}

export function endOf(period: ReportPeriod): Date {
  return new Date(`${period.end}T00:00:00Z`);
}

/** Each UTC day of the period, `YYYY-MM-DD`. */
export function daysOf(period: ReportPeriod): string[] {
  const days: string[] = [];
  for (
    let t = startOf(period).getTime();
    t < endOf(period).getTime();
    t += DAY_MS
  ) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

/** Counts by day, every day of the period listed, zeros included. */
export function countByDay(
  period: ReportPeriod,
  times: Date[],
): Array<{ date: string; count: number }> {
  const counts = new Map(daysOf(period).map(day => [day, 0]));
  for (const time of times) {
    const day = time.toISOString().slice(0, 10);
    if (counts.has(day)) counts.set(day, counts.get(day)! + 1);
  }
  return [...counts].map(([date, count]) => ({ date, count }));
}

/** The Monday-to-Monday UTC week before the one `now` is in. */
export function previousWeek(now: Date): ReportPeriod {
  const today = Date.UTC(
    now.getUTCFullYear(),
    now.getUTCMonth(),
    now.getUTCDate(),
  );
  const sinceMonday = (now.getUTCDay() + 6) % 7;
  const monday = today - sinceMonday * DAY_MS;
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  return { start: day(monday - 7 * DAY_MS), end: day(monday) };
}

/** The last day a period covers, from its exclusive end. */
export function lastDayOf(end: string): string {
  return new Date(Date.parse(`${end}T00:00:00Z`) - DAY_MS)
    .toISOString()
    .slice(0, 10);
}
