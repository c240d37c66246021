import { HourlyLoad } from './types';

export const HOUR_MS = 3_600_000;

/**
 * The history on a gapless hourly grid from its first to its last hour. A missing hour takes the
 * value of the same hour a day earlier (or the previous hour at the start), so that a scrape gap
 * does not read as a drop in load.
 */
export function hourlySeries(history: HourlyLoad[]): {
  start: number;
  values: number[];
} {
  if (history.length === 0) return { start: 0, values: [] };
  const byHour = new Map<number, number>();
  for (const { at, value } of history) {
    const hour = Math.floor(at / HOUR_MS) * HOUR_MS;
    byHour.set(hour, value);
  }
  const hours = [...byHour.keys()].sort((a, b) => a - b);
  const start = hours[0];
  const length = (hours[hours.length - 1] - start) / HOUR_MS + 1;
  const values: number[] = [];
  for (let i = 0; i < length; i++) {
    const known = byHour.get(start + i * HOUR_MS);
    if (known !== undefined) values.push(known);
    else values.push(i >= 24 ? values[i - 24] : values[i - 1]);
  }
  return { start, values };
}
