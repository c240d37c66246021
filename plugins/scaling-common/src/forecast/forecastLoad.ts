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

/** How much of the history to hold back, in spans of what length. */
function heldBack(hours: number): { span: number; count: number } {
  const weeks = Math.floor(hours / HOURS_PER_WEEK);
  // A weekly season needs two weeks of training before each held-back week.
  if (weeks >= 3)
    return { span: HOURS_PER_WEEK, count: Math.min(2, weeks - 2) };
  if (hours >= 3 * HOURS_PER_DAY) return { span: HOURS_PER_DAY, count: 1 };
  return { span: 0, count: 0 };
}

/** Held-back spans of the history, each with the hours before it to forecast it from. */
function validationFolds(values: number[]) {
  const { span, count } = heldBack(values.length);
  return Array.from({ length: count }, (_, fold) => {
    const end = values.length - fold * span;
    const train = values.slice(0, end - span);
    return {
      train,
      start: initialState(train),
      actual: values.slice(end - span, end),
    };
  });
}

/**
 * Picks the weights whose forecasts of the history's last weeks (or last day, with under three
 * weeks), each from the hours before it, have the lowest MAPE: the horizon the forecast is used
 * at, not one step ahead, which would favour weights that chase noise. Two held-back weeks rather
 * than one keep a week that happened to run low from pulling the level weight up.
 */
function fitWeights(values: number[]): {
  weights: SmoothingWeights;
  upperFactor: number;
  validationMape?: number;
} {
  const folds = validationFolds(values);
  if (folds.length === 0) {
    return { weights: UNFITTED, upperFactor: UNFITTED_UPPER_FACTOR };
  }
  let best = { weights: UNFITTED, mape: Infinity, ratios: [] as number[] };
  for (const level of LEVEL_GRID) {
    for (const daily of GRID) {
      for (const weekly of GRID) {
        const weights = { level, daily, weekly };
        let mape = 0;
        const ratios: number[] = [];
        for (const { train, start, actual } of folds) {
          const forecast = project(
            smooth(train, weights, start).state,
            actual.length,
          );
          mape += forecastAccuracy(actual, forecast).mape / folds.length;
          actual.forEach((value, i) => {
            if (forecast[i] > 0) ratios.push(value / forecast[i]);
          });
        }
        if (mape < best.mape) best = { weights, mape, ratios };
      }
    }
  }
  return {
    weights: best.weights,
    upperFactor: Math.max(1, quantile(best.ratios, UPPER_QUANTILE)),
    validationMape:
      folds[0].actual.length === HOURS_PER_WEEK ? best.mape : undefined,
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
