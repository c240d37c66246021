import { goldenSignalQuery, GoldenSignalSelector } from './goldenSignals';
import { isPromDuration } from './promDuration';
import { errorBudget, ServiceSlo } from './slo';

/** @public The windows burn rates are read over. */
export type BurnRateWindow = '5m' | '30m' | '1h' | '2h' | '6h' | '1d' | '3d';

/** @public Whom a burn-rate alert wakes: `page` a human now, `ticket` for working hours. */
export type BurnRateSeverity = 'page' | 'ticket';

/**
 * @public One multi-window burn-rate alert: it fires while the burn rate over
 * both windows exceeds `factor`; the short window makes it stop soon after the
 * burning does.
 */
export interface BurnRateAlertWindow {
  severity: BurnRateSeverity;
  longWindow: BurnRateWindow;
  shortWindow: BurnRateWindow;
  factor: number;
  /** The share of the whole budget spent by the time it fires. */
  budgetConsumed: number;
}

const HOURS: Record<BurnRateWindow, number> = {
  '5m': 5 / 60,
  '30m': 0.5,
  '1h': 1,
  '2h': 2,
  '6h': 6,
  '1d': 24,
  '3d': 72,
};

/** @public Every window a burn rate is shown for, shortest first. */
export const BURN_RATE_WINDOWS: readonly BurnRateWindow[] = [
  '5m',
  '30m',
  '1h',
  '2h',
  '6h',
  '1d',
  '3d',
];

const ALERTS: ReadonlyArray<Omit<BurnRateAlertWindow, 'factor'>> = [
  {
    severity: 'page',
    longWindow: '1h',
    shortWindow: '5m',
    budgetConsumed: 0.02,
  },
  {
    severity: 'page',
    longWindow: '6h',
    shortWindow: '30m',
    budgetConsumed: 0.05,
  },
  {
    severity: 'ticket',
    longWindow: '1d',
    shortWindow: '2h',
    budgetConsumed: 0.1,
  },
  {
    severity: 'ticket',
    longWindow: '3d',
    shortWindow: '6h',
    budgetConsumed: 0.1,
  },
];

/**
 * The multi-window, multi-burn-rate alerts of the Google SRE workbook
 * ("Alerting on SLOs", table 5-8): for a 30-day budget 14.4× over 1h and 5m
 * and 6× over 6h and 30m page, 3× over 1d and 2h and 1× over 3d and 6h open a
 * ticket. The factors follow from the budget share each spends, so another
 * SLO window scales them.
 *
 * @public
 */
export function burnRateWindows(windowDays = 30): BurnRateAlertWindow[] {
  return ALERTS.map(alert => ({
    ...alert,
    factor:
      Math.round(
        ((alert.budgetConsumed * windowDays * 24) / HOURS[alert.longWindow]) *
          1000,
      ) / 1000,
  }));
}

/**
 * @public PromQL of the ratio of failed requests over `window`, e.g. `1h` or
 * `30d` for the whole SLO window.
 */
export function errorRatioQuery(
  selector: GoldenSignalSelector,
  window: string,
): string {
  return goldenSignalQuery('errorRatio', selector, window);
}

/**
 * @public PromQL that has a value while one burn-rate alert should fire,
 * for a rule's `expr`.
 */
export function burnRateAlertQuery(
  alert: Pick<BurnRateAlertWindow, 'longWindow' | 'shortWindow' | 'factor'>,
  selector: GoldenSignalSelector,
  slo: Pick<ServiceSlo, 'availability'>,
): string {
  // Rounded so that e.g. 14.4 × 0.001 reads 0.0144 in a rule, not 0.014399999999998.
  const threshold = Number((alert.factor * errorBudget(slo)).toPrecision(12));
  const over = (window: string) =>
    `(${errorRatioQuery(selector, window)}) > ${threshold}`;
  return `(${over(alert.longWindow)}) and (${over(alert.shortWindow)})`;
}

/** @public A burn rate read over one window; undefined without traffic. */
export interface BurnRateReading {
  window: BurnRateWindow;
  rate: number | undefined;
}

/**
 * @public The burn-rate alerts whose long and short windows both burn faster
 * than their factor.
 */
export function firingBurnRateAlerts(
  readings: readonly BurnRateReading[],
  windowDays = 30,
): BurnRateAlertWindow[] {
  const rateOf = (window: BurnRateWindow) =>
    readings.find(reading => reading.window === window)?.rate;
  return burnRateWindows(windowDays).filter(alert => {
    const long = rateOf(alert.longWindow);
    const short = rateOf(alert.shortWindow);
    return (
      long !== undefined &&
      short !== undefined &&
      long > alert.factor &&
      short > alert.factor
    );
  });
}

/** @public Whether `value` is a window burn rates are read over. */
export function isBurnRateWindow(value: string): value is BurnRateWindow {
  return isPromDuration(value) && value in HOURS;
}
