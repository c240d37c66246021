import { forecastAccuracy } from './accuracy';
import {
  HOURS_PER_DAY,
  HOURS_PER_WEEK,
  initialState,
  project,
  smooth,
  SmoothingWeights,
} from './doubleSeasonal';
import { HOUR_MS, hourlySeries } from './hourlySeries';
import { HourlyLoad, LoadForecast } from './types';

const GRID = [0, 0.01, 0.03, 0.06, 0.1, 0.2, 0.35];
const LEVEL_GRID = GRID.slice(1);
/** Used when the history is too short to hold back a validation day. */
const UNFITTED: SmoothingWeights = { level: 0.1, daily: 0.1, weekly: 0 };
/** The upper band without validation hours to measure it on: 20 % over the forecast. */
const UNFITTED_UPPER_FACTOR = 1.2;
const UPPER_QUANTILE = 0.9;

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/**
 * Picks the weights whose forecast of the history's last week (or last day, with under three
 * weeks) from the hours before it has the lowest MAPE: the horizon the forecast is used at, not
 * one step ahead, which would favour weights that chase noise.
 */
function fitWeights(values: number[]): {
  weights: SmoothingWeights;
  upperFactor: number;
  validationMape?: number;
} {
  const holdBack =
    values.length >= 3 * HOURS_PER_WEEK
      ? HOURS_PER_WEEK
      : values.length >= 3 * HOURS_PER_DAY
      ? HOURS_PER_DAY
      : 0;
  if (holdBack === 0) {
    return { weights: UNFITTED, upperFactor: UNFITTED_UPPER_FACTOR };
  }
  const train = values.slice(0, values.length - holdBack);
  const start = initialState(train);
  const actual = values.slice(values.length - holdBack);
  let best = { weights: UNFITTED, mape: Infinity, forecast: [] as number[] };
  for (const level of LEVEL_GRID) {
    for (const daily of GRID) {
      for (const weekly of GRID) {
        const weights = { level, daily, weekly };
        const forecast = project(smooth(train, weights, start).state, holdBack);
        const { mape } = forecastAccuracy(actual, forecast);
        if (mape < best.mape) best = { weights, mape, forecast };
      }
    }
  }
  const ratios = actual
    .map((value, i) => (best.forecast[i] > 0 ? value / best.forecast[i] : 1))
    .filter(Number.isFinite);
  return {
    weights: best.weights,
    upperFactor: Math.max(1, quantile(ratios, UPPER_QUANTILE)),
    validationMape: holdBack === HOURS_PER_WEEK ? best.mape : undefined,
  };
}

/**
 * Forecasts the `hours` after the history (7 days by default) with daily and weekly seasonality.
 * The history must hold at least two days of hourly load; the weekly season needs two weeks.
 */
export function forecastLoad(
  history: HourlyLoad[],
  options: { hours?: number } = {},
): LoadForecast {
  const hours = options.hours ?? HOURS_PER_WEEK;
  const { start, values } = hourlySeries(history);
  if (values.length < 2 * HOURS_PER_DAY) {
    throw new RangeError(
      `A load forecast needs at least two days of hourly history, got ${values.length} hours`,
    );
  }
  const { weights, upperFactor, validationMape } = fitWeights(values);
  const fitted = smooth(values, weights).state;
  const first = start + values.length * HOUR_MS;
  return {
    hours: project(fitted, hours).map((projected, h) => {
      const value = Math.max(0, projected);
      return { at: first + h * HOUR_MS, value, upper: value * upperFactor };
    }),
    weights,
    weeklySeason: fitted.weekly.some(value => value !== 0),
    validationMape,
  };
}
