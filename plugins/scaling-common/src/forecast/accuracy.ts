import { ForecastAccuracy } from './types';

/**
 * MAPE and the share of under-forecast hours of `forecast` against `actual`, pairing them by
 * position. Hours without load are left out of the MAPE, where a percentage means nothing.
 */
export function forecastAccuracy(
  actual: number[],
  forecast: number[],
): ForecastAccuracy {
  const hours = Math.min(actual.length, forecast.length);
  let percentSum = 0;
  let percentHours = 0;
  let under = 0;
  for (let i = 0; i < hours; i++) {
    if (actual[i] > forecast[i]) under++;
    if (actual[i] > 0) {
      percentSum += Math.abs(actual[i] - forecast[i]) / actual[i];
      percentHours++;
    }
  }
  return {
    mape: percentHours > 0 ? (100 * percentSum) / percentHours : 0,
    underForecastShare: hours > 0 ? under / hours : 0,
    hours,
  };
}
