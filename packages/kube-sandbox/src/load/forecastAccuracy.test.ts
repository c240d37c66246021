import {
  forecastAccuracy,
  forecastLoad,
  HourlyLoad,
} from '@meschain/backstage-plugin-scaling-common';
import { loadFleet } from '../cluster/fleet';
import { LoadModel } from './LoadModel';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const WEEK = 168 * HOUR;
const START = Date.UTC(2026, 8, 7); // a Monday
const TRAINING_WEEKS = 4;

/** A service's request rate in a cluster, averaged over each whole hour from its per-minute values. */
function hourlyLoad(
  cluster: string,
  service: string,
  weeks: number,
): HourlyLoad[] {
  const spec = loadFleet().clusters.find(c => c.name === cluster)!;
  const model = new LoadModel({
    seed: 1,
    cluster: spec.name,
    region: spec.region,
    services: spec.services,
  });
  return Array.from({ length: weeks * 168 }, (_, h) => {
    const at = START + h * HOUR;
    let sum = 0;
    for (let m = 0; m < 60; m++) {
      sum += model.serviceLoad(service, at + m * MINUTE).requestsPerSecond;
    }
    return { at, value: sum / 60 };
  });
}

/** Trains on the weeks before and forecasts the held-out week that follows them. */
function heldOutWeek(cluster: string, service: string) {
  const load = hourlyLoad(cluster, service, TRAINING_WEEKS + 1);
  const training = load.filter(h => h.at < START + TRAINING_WEEKS * WEEK);
  const heldOut = load.filter(h => h.at >= START + TRAINING_WEEKS * WEEK);
  const forecast = forecastLoad(training);
  expect(forecast.hours[0].at).toBe(heldOut[0].at);
  return forecastAccuracy(
    heldOut.map(h => h.value),
    forecast.hours.map(h => h.value),
  );
}

describe('forecast accuracy on the sandbox load', () => {
  const services: Array<[string, string]> = [
    ['us-east', 'order-service'],
    ['eu-west', 'user-service'],
    ['ap-southeast', 'analytics-service'],
    ['tr-central', 'marketplace-service'],
  ];

  it.each(services)(
    'forecasts a held-out week of %s/%s from the four before it',
    (cluster, service) => {
      const accuracy = heldOutWeek(cluster, service);
      // eslint-disable-next-line no-console
      console.log(
        `forecast of ${cluster}/${service}, held-out week: MAPE ${accuracy.mape.toFixed(
          1,
        )} %, under-forecast ${(100 * accuracy.underForecastShare).toFixed(
          0,
        )} % of ${accuracy.hours} hours`,
      );
      expect(accuracy.hours).toBe(168);
      // The load's slow noise is ±8 % and its incidents briefly double it: a seasonal model can
      // predict neither, but the daily curve it must.
      expect(accuracy.mape).toBeLessThan(10);
      // A biased forecast would be under (or over) nearly all the time.
      expect(accuracy.underForecastShare).toBeGreaterThan(0.2);
      expect(accuracy.underForecastShare).toBeLessThan(0.8);
    },
  );
});
