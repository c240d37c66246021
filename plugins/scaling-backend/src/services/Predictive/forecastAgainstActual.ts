import {
  forecastAccuracy,
  forecastLoad,
  HOUR_MS,
  HourlyLoad,
  LoadForecast,
} from '@meschain/backstage-plugin-scaling-common';

const WEEK_HOURS = 168;
const MIN_HISTORY_HOURS = 48;

/** One hour of the chart: what happened, and what was (or is) forecast. */
export type ForecastChartHour = {
  at: number;
  actual?: number;
  forecast?: number;
  upper?: number;
};

export type ForecastAgainstActual =
  | { unavailable: string }
  | {
      hours: ForecastChartHour[];
      /** Of the past week's forecast, made from the weeks before it. */
      accuracy?: ReturnType<typeof forecastAccuracy>;
      next: LoadForecast;
    };

/**
 * The past week beside the forecast made for it from the hours before it, then the forecast of
 * the next 7 days from the whole history: the owner sees how far to trust the second from the first.
 */
export function forecastAgainstActual(
  history: HourlyLoad[],
): ForecastAgainstActual {
  if (history.length < MIN_HISTORY_HOURS) {
    return {
      unavailable: `A forecast needs two days of hourly usage in the region; there are ${history.length} hours so far`,
    };
  }
  const next = forecastLoad(history);
  const lastHour = history[history.length - 1].at;
  const weekStart = lastHour - (WEEK_HOURS - 1) * HOUR_MS;
  const before = history.filter(hour => hour.at < weekStart);
  const pastWeek = history.filter(hour => hour.at >= weekStart);
  const backtest =
    before.length >= MIN_HISTORY_HOURS
      ? new Map(
          forecastLoad(before, {
            hours: (lastHour - before[before.length - 1].at) / HOUR_MS,
          }).hours.map(hour => [hour.at, hour]),
        )
      : undefined;
  const past = pastWeek.map(hour => ({
    at: hour.at,
    actual: hour.value,
    forecast: backtest?.get(hour.at)?.value,
    upper: backtest?.get(hour.at)?.upper,
  }));
  const compared = past.filter(hour => hour.forecast !== undefined);
  return {
    hours: [
      ...past,
      ...next.hours.map(hour => ({
        at: hour.at,
        forecast: hour.value,
        upper: hour.upper,
      })),
    ],
    accuracy:
      compared.length > 0
        ? forecastAccuracy(
            compared.map(hour => hour.actual),
            compared.map(hour => hour.forecast!),
          )
        : undefined,
    next,
  };
}
