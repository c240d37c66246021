const DAY_MS = 24 * 60 * 60 * 1000;

const dayOf = (time: number) => new Date(time).toISOString().slice(0, 10);

/** The Monday-to-Sunday UTC week before the one `now` is in, as the form's inclusive days. */
export function lastWeek(now: Date): { from: string; to: string } {
  const today = Date.UTC(
    now.getUTCFullYear(),
    now.getUTCMonth(),
    now.getUTCDate(),
  );
  const monday = today - ((now.getUTCDay() + 6) % 7) * DAY_MS;
  return { from: dayOf(monday - 7 * DAY_MS), to: dayOf(monday - DAY_MS) };
}

/** The day after `day`: the API's period end excludes it, the form's last day includes it. */
export function nextDay(day: string): string {
  return dayOf(Date.parse(`${day}T00:00:00Z`) + DAY_MS);
}

/** The last day a period covers, from its exclusive end. */
export function lastDayOf(end: string): string {
  return dayOf(Date.parse(`${end}T00:00:00Z`) - DAY_MS);
}
