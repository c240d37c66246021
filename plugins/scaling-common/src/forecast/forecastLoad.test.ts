import { forecastAccuracy } from './accuracy';
import { forecastLoad } from './forecastLoad';
import { HOUR_MS } from './hourlySeries';
import { HourlyLoad } from './types';

const START = Date.UTC(2026, 10, 2); // a Monday

/** A deterministic pseudo-random sequence in [0, 1), so the tests never flake. */
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** Hourly load with a daily peak at 15:00, quieter weekends, and ±`noise` relative noise. */
function syntheticLoad(
  weeks: number,
  options: { noise?: number; weekendFactor?: number; seed?: number } = {},
): HourlyLoad[] {
  const random = seeded(options.seed ?? 7);
  return Array.from({ length: weeks * 168 }, (_, t) => {
    const hourOfDay = t % 24;
    const dayOfWeek = Math.floor(t / 24) % 7;
    const daily = 0.5 - 0.5 * Math.cos((2 * Math.PI * (hourOfDay - 3)) / 24);
    const weekly = dayOfWeek >= 5 ? options.weekendFactor ?? 0.6 : 1;
    const noise = 1 + (options.noise ?? 0) * (2 * random() - 1);
    return {
      at: START + t * HOUR_MS,
      value: (20 + 80 * daily) * weekly * noise,
    };
  });
}

describe('forecastLoad', () => {
  it('forecasts the seven days after the history, hour by hour', () => {
    const history = syntheticLoad(3);
    const forecast = forecastLoad(history);
    expect(forecast.hours).toHaveLength(168);
    expect(forecast.hours[0].at).toBe(START + 3 * 168 * HOUR_MS);
    expect(forecast.hours[167].at).toBe(START + (4 * 168 - 1) * HOUR_MS);
  });

  it('repeats a noiseless daily and weekly pattern almost exactly', () => {
    const history = syntheticLoad(5);
    const next = syntheticLoad(6).slice(5 * 168);
    const forecast = forecastLoad(history);
    const { mape } = forecastAccuracy(
      next.map(h => h.value),
      forecast.hours.map(h => h.value),
    );
    expect(forecast.weeklySeason).toBe(true);
    expect(mape).toBeLessThan(1);
  });

  it('forecasts quieter weekends from the weekly season', () => {
    const forecast = forecastLoad(syntheticLoad(4, { noise: 0.05 }));
    // The history ends on a Sunday night: days 5 and 6 of the forecast are the weekend.
    const peakOf = (day: number) => forecast.hours[day * 24 + 15].value;
    expect(peakOf(5) / peakOf(2)).toBeGreaterThan(0.5);
    expect(peakOf(5) / peakOf(2)).toBeLessThan(0.7);
  });

  it('stays within a few percent of noisy load it has not seen', () => {
    const all = syntheticLoad(6, { noise: 0.08, seed: 11 });
    const forecast = forecastLoad(all.slice(0, 5 * 168));
    const accuracy = forecastAccuracy(
      all.slice(5 * 168).map(h => h.value),
      forecast.hours.map(h => h.value),
    );
    expect(accuracy.mape).toBeLessThan(8);
    expect(accuracy.underForecastShare).toBeGreaterThan(0.2);
    expect(accuracy.underForecastShare).toBeLessThan(0.8);
    expect(forecast.validationMape).toBeLessThan(8);
  });

  it('gives an upper band that the load stays under in most hours', () => {
    const all = syntheticLoad(6, { noise: 0.08, seed: 3 });
    const forecast = forecastLoad(all.slice(0, 5 * 168));
    const above = all
      .slice(5 * 168)
      .filter((hour, i) => hour.value > forecast.hours[i].upper).length;
    expect(above / 168).toBeLessThan(0.2);
    forecast.hours.forEach(hour =>
      expect(hour.upper).toBeGreaterThanOrEqual(hour.value),
    );
  });

  it('forecasts a daily pattern alone from less than two weeks', () => {
    const history = syntheticLoad(1, { weekendFactor: 1 }).slice(0, 4 * 24);
    const forecast = forecastLoad(history, { hours: 24 });
    expect(forecast.weeklySeason).toBe(false);
    const expected = syntheticLoad(1, { weekendFactor: 1 })
      .slice(4 * 24, 5 * 24)
      .map(h => h.value);
    const { mape } = forecastAccuracy(
      expected,
      forecast.hours.map(h => h.value),
    );
    expect(mape).toBeLessThan(2);
  });

  it('fills a missing hour from the same hour a day earlier', () => {
    const history = syntheticLoad(3);
    const gap = history.filter((_, t) => t !== 200);
    expect(forecastLoad(gap).hours).toHaveLength(168);
    expect(forecastLoad(gap).hours[15].value).toBeCloseTo(
      forecastLoad(history).hours[15].value,
      0,
    );
  });

  it('never forecasts negative load', () => {
    const falling = Array.from({ length: 72 }, (_, t) => ({
      at: START + t * HOUR_MS,
      value: Math.max(0, 50 - t),
    }));
    forecastLoad(falling).hours.forEach(hour =>
      expect(hour.value).toBeGreaterThanOrEqual(0),
    );
  });

  it('refuses a history shorter than two days', () => {
    expect(() => forecastLoad(syntheticLoad(1).slice(0, 30))).toThrow(
      'A load forecast needs at least two days of hourly history, got 30 hours',
    );
  });
});

describe('forecastAccuracy', () => {
  it('reports MAPE and the share of under-forecast hours', () => {
    expect(forecastAccuracy([100, 100, 0, 50], [90, 110, 5, 50])).toEqual({
      mape: (100 * (0.1 + 0.1 + 0)) / 3,
      underForecastShare: 0.25,
      hours: 4,
    });
  });
});
