import type { HpaSpec } from '../hpa/types';
import { replayPolicy, replayPolicyStepByStep } from './replayPolicy';
import type { LoadSample, ReplayInput } from './types';

const START = Date.UTC(2025, 0, 6);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** One sample a minute; `cpu(minute)` is the service's CPU demand in millicores. */
function load(minutes: number, cpu: (minute: number) => number): LoadSample[] {
  return Array.from({ length: minutes + 1 }, (_, minute) => ({
    at: START + minute * MINUTE,
    cpuMillicores: cpu(minute),
    requestsPerSecond: cpu(minute) / 10,
  }));
}

/** A day-like curve: quiet, a morning ramp, a noisy afternoon peak, an evening fall. */
function dailyCurve(minute: number): number {
  const hour = (minute / 60) % 24;
  const shape = Math.max(0, Math.sin(((hour - 6) / 24) * 2 * Math.PI));
  const wobble = 1 + 0.1 * Math.sin(minute / 7) + 0.05 * Math.sin(minute / 3);
  return 200 + 2400 * shape * wobble;
}

const CPU_70: HpaSpec = {
  minReplicas: 2,
  maxReplicas: 20,
  metrics: [
    {
      type: 'Resource',
      resource: {
        name: 'cpu',
        target: { type: 'Utilization', averageUtilization: 70 },
      },
    },
  ],
};

function input(overrides: Partial<ReplayInput> = {}): ReplayInput {
  return {
    load: load(24 * 60, dailyCurve),
    policy: CPU_70,
    workload: { cpuRequestMillicores: 250, idleCpuMillicores: 20 },
    initialReplicas: 2,
    podStartupSeconds: 45,
    pricing: { perReplicaHour: 0.05, currency: 'USD' },
    ...overrides,
  };
}

describe('replayPolicy', () => {
  describe('takes the decisions of the full HPA algorithm, sync by sync', () => {
    const policies: Record<string, HpaSpec> = {
      'no behavior (legacy rules)': CPU_70,
      'behavior with windows and rate limits': {
        ...CPU_70,
        behavior: {
          scaleUp: {
            stabilizationWindowSeconds: 60,
            policies: [{ type: 'Pods', value: 2, periodSeconds: 60 }],
          },
          scaleDown: {
            stabilizationWindowSeconds: 120,
            selectPolicy: 'Min',
            policies: [
              { type: 'Percent', value: 20, periodSeconds: 60 },
              { type: 'Pods', value: 1, periodSeconds: 30 },
            ],
          },
        },
      },
      'average value target and asymmetric tolerance': {
        minReplicas: 1,
        maxReplicas: 30,
        metrics: [
          {
            type: 'Resource',
            resource: {
              name: 'cpu',
              target: { type: 'AverageValue', averageValue: '180m' },
            },
          },
        ],
        behavior: { scaleUp: { tolerance: '0.02' } },
      },
      'container CPU and request rate together': {
        minReplicas: 2,
        maxReplicas: 25,
        metrics: [
          {
            type: 'ContainerResource',
            containerResource: {
              name: 'cpu',
              container: 'app',
              target: { type: 'Utilization', averageUtilization: 60 },
            },
          },
          {
            type: 'Pods',
            pods: {
              metric: { name: 'http_requests_per_minute' },
              target: { type: 'AverageValue', averageValue: '1500' },
            },
          },
        ],
      },
    };

    it.each(Object.entries(policies))('%s', (_, policy) => {
      const replay = input({
        policy,
        floorSchedule: [
          { from: START + 5 * HOUR, minReplicas: 6 },
          { from: START + 9 * HOUR, minReplicas: 2 },
        ],
      });
      const fast = replayPolicy(replay);
      const reference = replayPolicyStepByStep(replay);
      expect(fast.scaleEvents.length).toBeGreaterThan(4);
      expect(fast).toEqual(reference);
    });
  });

  it('starts pods only after their start-up delay and counts them from creation for cost', () => {
    const step = load(30, minute => (minute < 5 ? 300 : 1500));
    const result = replayPolicy(
      input({ load: step, podStartupSeconds: 120, initialReplicas: 2 }),
    );
    const firstUp = result.scaleEvents[0];
    expect(firstUp).toMatchObject({
      from: 2,
      reason: 'cpu resource utilization (percentage of request) above target',
    });
    expect(firstUp.to).toBeGreaterThan(2);
    const readyAfter = result.replicas.find(
      step_ => step_.ready > 2 && step_.at > firstUp.at,
    );
    expect(readyAfter!.at - firstUp.at).toBeGreaterThanOrEqual(120_000);
    expect(result.minutesAboveTarget).toBeGreaterThan(2);
  });

  it('counts more time above target under a slower policy', () => {
    const eager = replayPolicy(input());
    const slow = replayPolicy(
      input({
        policy: {
          ...CPU_70,
          maxReplicas: 8,
          behavior: {
            scaleUp: {
              stabilizationWindowSeconds: 300,
              policies: [{ type: 'Pods', value: 1, periodSeconds: 300 }],
            },
          },
        },
      }),
    );
    expect(slow.minutesAboveTarget).toBeGreaterThan(
      eager.minutesAboveTarget + 30,
    );
    expect(slow.minutesAboveSlo).toBeGreaterThan(eager.minutesAboveSlo);
    expect(slow.cost!.total).toBeLessThan(eager.cost!.total);
  });

  it('spends less time above target with a floor raised ahead of the morning ramp', () => {
    const without = replayPolicy(input({ podStartupSeconds: 180 }));
    const withFloor = replayPolicy(
      input({
        podStartupSeconds: 180,
        floorSchedule: [
          { from: START + 7 * HOUR, minReplicas: 8 },
          { from: START + 12 * HOUR, minReplicas: 2 },
        ],
      }),
    );
    expect(withFloor.minutesAboveTarget).toBeLessThan(
      without.minutesAboveTarget,
    );
    expect(withFloor.replicas).toContainEqual(
      expect.objectContaining({ at: START + 7 * HOUR, desired: 8 }),
    );
  });

  it('prices replica-hours per period and per month', () => {
    const flat = load(120, () => 300);
    const result = replayPolicy(
      input({
        load: flat,
        initialReplicas: 3,
        policy: { ...CPU_70, minReplicas: 3 },
      }),
    );
    expect(result.scaleEvents).toEqual([]);
    expect(result.minutes).toBe(120);
    expect(result.replicaHours).toBeCloseTo(6, 9);
    expect(result.cost).toEqual({
      total: expect.closeTo(0.3, 9),
      perMonth: expect.closeTo(3 * 730 * 0.05, 9),
      currency: 'USD',
    });
  });

  it('names the field of an input it cannot replay', () => {
    expect(() => replayPolicy(input({ load: [] }))).toThrow(/^load: /);
    expect(() =>
      replayPolicy(
        input({
          load: [
            { at: START + MINUTE, cpuMillicores: 1 },
            { at: START, cpuMillicores: 1 },
          ],
        }),
      ),
    ).toThrow(/^load\[1\]\.at: /);
    expect(() =>
      replayPolicy(
        input({
          policy: {
            maxReplicas: 4,
            metrics: [
              {
                type: 'External',
                external: {
                  metric: { name: 'queue_length' },
                  target: { type: 'Value', value: '10' },
                },
              },
            ],
          },
        }),
      ),
    ).toThrow(/^metrics\[0\]: /);
  });
});
