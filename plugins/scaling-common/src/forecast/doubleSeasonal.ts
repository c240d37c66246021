/** Hours in the daily and the weekly season of hourly load. */
export const HOURS_PER_DAY = 24;
export const HOURS_PER_WEEK = 168;

/** The smoothing weights of the level, the daily season and the weekly season, each 0–1. */
export interface SmoothingWeights {
  level: number;
  daily: number;
  weekly: number;
}

/** The smoothed state after the last observation, from which the model forecasts. */
export interface DoubleSeasonalState {
  /** How many observations were smoothed: the phase of the next hour in both seasons. */
  observed: number;
  level: number;
  daily: number[];
  /** All zeros when the history was too short to see a week. */
  weekly: number[];
}

const mean = (values: number[]) =>
  values.reduce((sum, value) => sum + value, 0) / values.length;

/** The mean deviation of each phase of the season from `base`. */
function phaseMeans(
  window: number[],
  period: number,
  base: (t: number) => number,
): number[] {
  const sums = new Array<number>(period).fill(0);
  const counts = new Array<number>(period).fill(0);
  window.forEach((value, t) => {
    sums[t % period] += value - base(t);
    counts[t % period]++;
  });
  return sums.map((sum, phase) => sum / counts[phase]);
}

/**
 * The starting state: the mean of the first whole weeks (two at most) as the level, then each
 * hour of the day's and each hour of the week's average deviation from it. With less than two
 * weeks the weekly season is left at zero, as one week cannot tell it from noise.
 */
export function initialState(series: number[]): DoubleSeasonalState {
  const weeks = Math.min(2, Math.floor(series.length / HOURS_PER_WEEK));
  const span =
    weeks >= 2
      ? weeks * HOURS_PER_WEEK
      : Math.floor(series.length / HOURS_PER_DAY) * HOURS_PER_DAY;
  if (span < HOURS_PER_DAY) {
    throw new RangeError(
      `A seasonal forecast needs at least one day of hourly history, got ${series.length} hours`,
    );
  }
  const window = series.slice(0, span);
  const level = mean(window);
  const daily = phaseMeans(window, HOURS_PER_DAY, () => level);
  const weekly =
    weeks >= 2
      ? phaseMeans(
          window,
          HOURS_PER_WEEK,
          t => level + daily[t % HOURS_PER_DAY],
        )
      : new Array<number>(HOURS_PER_WEEK).fill(0);
  return { observed: 0, level, daily, weekly };
}

/**
 * Taylor's double-seasonal exponential smoothing (additive, without trend): each hour updates
 * the level and the two seasonal indices of its phase. Returns the state after the series, and
 * the sum of squared one-step-ahead errors after `scoreFrom`.
 */
export function smooth(
  series: number[],
  weights: SmoothingWeights,
  start: DoubleSeasonalState = initialState(series),
  scoreFrom = 0,
): { state: DoubleSeasonalState; squaredError: number } {
  const daily = [...start.daily];
  const weekly = [...start.weekly];
  const useWeekly = weekly.some(value => value !== 0);
  let level = start.level;
  let squaredError = 0;
  for (let i = 0; i < series.length; i++) {
    const t = start.observed + i;
    const d = daily[t % HOURS_PER_DAY];
    const w = weekly[t % HOURS_PER_WEEK];
    const y = series[i];
    if (i >= scoreFrom) squaredError += (y - (level + d + w)) ** 2;
    const nextLevel = weights.level * (y - d - w) + (1 - weights.level) * level;
    daily[t % HOURS_PER_DAY] =
      weights.daily * (y - nextLevel - w) + (1 - weights.daily) * d;
    if (useWeekly) {
      weekly[t % HOURS_PER_WEEK] =
        weights.weekly * (y - nextLevel - d) + (1 - weights.weekly) * w;
    }
    level = nextLevel;
  }
  return {
    state: { observed: start.observed + series.length, level, daily, weekly },
    squaredError,
  };
}

/** The next `hours` values after the state's last observation. */
export function project(state: DoubleSeasonalState, hours: number): number[] {
  return Array.from({ length: hours }, (_, h) => {
    const t = state.observed + h;
    return (
      state.level +
      state.daily[t % HOURS_PER_DAY] +
      state.weekly[t % HOURS_PER_WEEK]
    );
  });
}
