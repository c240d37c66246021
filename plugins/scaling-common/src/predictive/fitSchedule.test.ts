import { HOUR_MS } from '../forecast';
import {
  fitPredictiveSchedule,
  hpaLeadTimeSeconds,
  stepAt,
} from './fitSchedule';

const T0 = Date.UTC(2026, 11, 7);

function hours(...uppers: number[]) {
  return uppers.map((upper, h) => ({
    at: T0 + h * HOUR_MS,
    value: upper * 0.9,
    upper,
  }));
}

const SERVICE = {
  cpuRequestMillicores: 500,
  targetUtilization: 50,
  minReplicas: 2,
  maxReplicas: 10,
  leadTimeSeconds: 135,
};

describe('fitPredictiveSchedule', () => {
  it('raises the minimum a lead time before forecast load and lowers it once the hour is over', () => {
    const schedule = fitPredictiveSchedule({
      ...SERVICE,
      forecast: hours(100, 1000, 100),
    });
    expect(schedule.steps).toEqual([
      { from: T0 - 135_000, minReplicas: 2 },
      // 1000 m at 50 % of 500 m per pod is 4 pods, ready before the second hour starts.
      { from: T0 + HOUR_MS - 135_000, minReplicas: 4 },
      { from: T0 + 2 * HOUR_MS, minReplicas: 2 },
    ]);
    expect(schedule.until).toBe(T0 + 3 * HOUR_MS);
  });

  it('sizes against the upper band of the forecast', () => {
    const forecast = [{ at: T0, value: 200, upper: 1400 }];
    expect(
      fitPredictiveSchedule({ ...SERVICE, forecast }).steps[0].minReplicas,
    ).toBe(6);
  });

  it('keeps within the HPA bounds', () => {
    const schedule = fitPredictiveSchedule({
      ...SERVICE,
      forecast: hours(0, 100_000),
    });
    expect(schedule.steps.map(s => s.minReplicas)).toEqual([2, 10, 2]);
  });

  it('merges hours that need the same minimum into one step', () => {
    const schedule = fitPredictiveSchedule({
      ...SERVICE,
      forecast: hours(1000, 900, 800, 100),
    });
    expect(schedule.steps).toEqual([
      { from: T0 - 135_000, minReplicas: 4 },
      { from: T0 + 3 * HOUR_MS, minReplicas: 2 },
    ]);
  });

  it('gives the HPA its own minimum back at the end of the forecast', () => {
    const schedule = fitPredictiveSchedule({
      ...SERVICE,
      forecast: hours(100, 1000),
    });
    expect(schedule.steps[schedule.steps.length - 1]).toEqual({
      from: T0 + 2 * HOUR_MS,
      minReplicas: 2,
    });
  });
});

describe('hpaLeadTimeSeconds', () => {
  it('adds the HPA reaction to pod start-up', () => {
    expect(hpaLeadTimeSeconds({ podStartupSeconds: 60 })).toBe(135);
    expect(
      hpaLeadTimeSeconds({
        podStartupSeconds: 60,
        scaleUpStabilizationSeconds: 30,
      }),
    ).toBe(165);
  });
});

describe('stepAt', () => {
  const steps = [
    { from: 1000, minReplicas: 3 },
    { from: 2000, minReplicas: 5 },
  ];
  it('finds the step in force', () => {
    expect(stepAt(steps, 999)).toBeUndefined();
    expect(stepAt(steps, 1000)).toEqual(steps[0]);
    expect(stepAt(steps, 2500)).toEqual(steps[1]);
  });
});
