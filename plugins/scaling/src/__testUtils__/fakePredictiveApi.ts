import {
  EntityLoadForecast,
  PredictiveScheduleView,
} from '@meschain/backstage-plugin-scaling-common';
import { PredictiveApi } from '../api';

const HOUR = 3_600_000;
const START = Date.UTC(2026, 11, 7);

/** A fortnight of hours: the past week with its forecast, then the next week forecast. */
export const forecastFixture: EntityLoadForecast = {
  region: 'us-east',
  hours: Array.from({ length: 336 }, (_, h) => {
    const value = 1000 + 800 * Math.sin((2 * Math.PI * h) / 24);
    return {
      at: new Date(START + h * HOUR).toISOString(),
      ...(h < 168 && { actual: value * 1.02 }),
      forecast: value,
      upper: value * 1.1,
    };
  }),
  accuracy: { mape: 3.4, underForecastShare: 0.41, hours: 168 },
  weeklySeason: true,
};

export const scheduleFixture: PredictiveScheduleView = {
  region: 'us-east',
  cluster: 'meschain-us-east',
  workload: {
    namespace: 'meschain-sync',
    kind: 'Deployment',
    name: 'order-service',
  },
  autoscaler: {
    name: 'order-service',
    minReplicas: 2,
    maxReplicas: 20,
    targetUtilization: 70,
  },
  leadTimeSeconds: 135,
  proposed: {
    steps: [
      { from: '2026-12-14T05:57:45.000Z', minReplicas: 4 },
      { from: '2026-12-14T11:57:45.000Z', minReplicas: 12 },
      { from: '2026-12-14T20:00:00.000Z', minReplicas: 2 },
    ],
    until: '2026-12-21T00:00:00.000Z',
  },
  effect: {
    withoutSchedule: {
      minutesAboveTarget: 186,
      minutesAboveSlo: 20,
      replicaHours: 900,
    },
    withSchedule: {
      minutesAboveTarget: 24,
      minutesAboveSlo: 0,
      replicaHours: 960,
    },
  },
};

/** A PredictiveApi whose answers are the fixtures, as jest mocks. */
export function fakePredictiveApi(
  overrides: Partial<PredictiveApi> = {},
): jest.Mocked<PredictiveApi> {
  return {
    getLoadForecast: jest.fn(async () => forecastFixture),
    getSchedule: jest.fn(async () => scheduleFixture),
    applySchedule: jest.fn(async () => scheduleFixture),
    removeSchedule: jest.fn(async () => undefined),
    ...overrides,
  } as jest.Mocked<PredictiveApi>;
}
