/*
 * Successive evaluations of one HPA, each fed the previous `nextHistory`,
 * as the kube-sandbox's controller and the what-if simulator run them.
 */
import { MINUTE, NOW, SECOND } from './__testUtils__/behaviorFixtures';
import { computeHpaRecommendation, HpaEvaluationInput } from './autoscaler';
import type {
  HpaHistory,
  HpaSpec,
  MetricObservations,
  PodSample,
} from './types';

const cpuAt = (averageUtilization: number): HpaSpec['metrics'] => [
  {
    type: 'Resource',
    resource: {
      name: 'cpu',
      target: { type: 'Utilization', averageUtilization },
    },
  },
];

/** `count` long-running pods requesting one CPU each, all using `millicores`. */
function cluster(count: number, millicores: number) {
  const pods: PodSample[] = Array.from({ length: count }, (_, i) => ({
    name: `web-${i}`,
    ready: true,
    startTime: NOW - 60 * MINUTE,
    requests: { cpu: 1000 },
  }));
  const metrics: MetricObservations = {
    podUsage: Object.fromEntries(
      pods.map(pod => [pod.name, { usage: { cpu: millicores } }]),
    ),
  };
  return { pods, metrics };
}

function evaluateAt(
  now: number,
  spec: HpaSpec,
  currentReplicas: number,
  millicores: number,
  history?: HpaHistory,
  extra: Partial<HpaEvaluationInput> = {},
) {
  return computeHpaRecommendation({
    spec,
    currentReplicas,
    ...cluster(currentReplicas, millicores),
    now,
    history,
    ...extra,
  });
}

describe('computeHpaRecommendation over successive evaluations', () => {
  it('scales up no faster than the default behavior allows per 15 s period', () => {
    const spec: HpaSpec = {
      minReplicas: 1,
      maxReplicas: 50,
      metrics: cpuAt(50),
      behavior: {},
    };

    const first = evaluateAt(NOW, spec, 2, 5000);
    expect(first).toMatchObject({ desiredReplicas: 6, rescale: true }); // max(2 + 4, 2 × 2)

    const tooSoon = evaluateAt(
      NOW + 5 * SECOND,
      spec,
      6,
      5000,
      first.nextHistory,
    );
    expect(tooSoon.rescale).toBe(false);
    expect(tooSoon.conditions).toContainEqual(
      expect.objectContaining({
        type: 'ScalingLimited',
        status: 'True',
        reason: 'ScaleUpLimit',
      }),
    );

    const nextPeriod = evaluateAt(
      NOW + 15 * SECOND,
      spec,
      6,
      5000,
      tooSoon.nextHistory,
    );
    expect(nextPeriod).toMatchObject({ desiredReplicas: 12, rescale: true }); // max(6 + 4, 6 × 2)
  });

  it('holds a scale-down for the downscale stabilization window without a behavior', () => {
    const spec: HpaSpec = {
      minReplicas: 1,
      maxReplicas: 10,
      metrics: cpuAt(50),
    };

    const first = evaluateAt(NOW, spec, 5, 200);
    expect(first.desiredReplicas).toBe(5);
    expect(first.conditions).toContainEqual(
      expect.objectContaining({
        type: 'AbleToScale',
        reason: 'ScaleDownStabilized',
      }),
    );

    const withinWindow = evaluateAt(
      NOW + 4 * MINUTE,
      spec,
      5,
      200,
      first.nextHistory,
    );
    expect(withinWindow.desiredReplicas).toBe(5);

    const afterWindow = evaluateAt(
      NOW + 5 * MINUTE + SECOND,
      spec,
      5,
      200,
      withinWindow.nextHistory,
    );
    expect(afterWindow).toMatchObject({
      desiredReplicas: 2,
      rescale: true,
      reason: 'All metrics below target',
    });
  });

  it('never scales down when scale-down is disabled', () => {
    const spec: HpaSpec = {
      minReplicas: 1,
      maxReplicas: 10,
      metrics: cpuAt(50),
      behavior: {
        scaleDown: { selectPolicy: 'Disabled', stabilizationWindowSeconds: 0 },
      },
    };
    const result = evaluateAt(NOW, spec, 5, 100, {
      recommendations: [],
      scaleUpEvents: [],
      scaleDownEvents: [],
    });
    expect(result.desiredReplicas).toBe(5);
    expect(result.conditions).toContainEqual(
      expect.objectContaining({
        type: 'ScalingLimited',
        status: 'True',
        reason: 'ScaleDownLimit',
      }),
    );
  });

  it('gives the same answer from a history that went through JSON', () => {
    const spec: HpaSpec = {
      minReplicas: 1,
      maxReplicas: 50,
      metrics: cpuAt(50),
      behavior: {},
    };
    const first = evaluateAt(NOW, spec, 2, 5000);
    const stored: HpaHistory = JSON.parse(JSON.stringify(first.nextHistory));
    expect(evaluateAt(NOW + 5 * SECOND, spec, 6, 5000, stored)).toEqual(
      evaluateAt(NOW + 5 * SECOND, spec, 6, 5000, first.nextHistory),
    );
  });

  it('keeps a condition’s transition time while its status holds', () => {
    const spec: HpaSpec = {
      minReplicas: 1,
      maxReplicas: 10,
      metrics: cpuAt(50),
    };
    const first = evaluateAt(NOW, spec, 4, 500);
    const later = NOW + MINUTE;
    const second = evaluateAt(later, spec, 4, 1500, first.nextHistory, {
      conditions: first.conditions,
    });
    const transitionOf = (type: string) =>
      second.conditions.find(condition => condition.type === type)
        ?.lastTransitionTime;
    expect(transitionOf('AbleToScale')).toBe(NOW);
    expect(transitionOf('ScalingActive')).toBe(NOW);
    expect(second.desiredReplicas).toBe(8);
    expect(transitionOf('ScalingLimited')).toBe(later);
  });

  it('reads per-direction tolerances from the behavior', () => {
    const pods: PodSample[] = [0, 1, 2].map(i => ({
      name: `worker-${i}`,
      ready: true,
      startTime: NOW - MINUTE,
      requests: {},
    }));
    const spec = (scaleUpTolerance?: string): HpaSpec => ({
      maxReplicas: 10,
      metrics: [
        {
          type: 'Pods',
          pods: {
            metric: { name: 'jobs' },
            target: { type: 'AverageValue', averageValue: '20' },
          },
        },
      ],
      behavior: scaleUpTolerance
        ? { scaleUp: { tolerance: scaleUpTolerance } }
        : undefined,
    });
    const input = {
      currentReplicas: 3,
      pods,
      // 20.6 on average: 3 % above target.
      metrics: {
        pods: [
          {
            metric: { name: 'jobs' },
            values: { 'worker-0': 20, 'worker-1': 21, 'worker-2': '20800m' },
          },
        ],
      },
      now: NOW,
    };
    expect(
      computeHpaRecommendation({ ...input, spec: spec() }).desiredReplicas,
    ).toBe(3);
    expect(
      computeHpaRecommendation({ ...input, spec: spec('0.01') })
        .desiredReplicas,
    ).toBe(4);
  });

  it('reports every metric type in status.currentMetrics', () => {
    const pods: PodSample[] = [0, 1, 2].map(i => ({
      name: `api-${i}`,
      ready: true,
      startTime: NOW - MINUTE,
      requests: { memory: 512 * 1024 * 1024 },
    }));
    const queue = { kind: 'Queue', name: 'orders' };
    const result = computeHpaRecommendation({
      spec: {
        minReplicas: 1,
        maxReplicas: 10,
        metrics: [
          {
            type: 'Resource',
            resource: {
              name: 'memory',
              target: { type: 'AverageValue', averageValue: '512Mi' },
            },
          },
          {
            type: 'Pods',
            pods: {
              metric: { name: 'rps' },
              target: { type: 'AverageValue', averageValue: '100' },
            },
          },
          {
            type: 'Object',
            object: {
              describedObject: queue,
              metric: { name: 'depth' },
              target: { type: 'Value', value: '30' },
            },
          },
          {
            type: 'External',
            external: {
              metric: { name: 'lag' },
              target: { type: 'AverageValue', averageValue: '1k' },
            },
          },
        ],
      },
      currentReplicas: 3,
      pods,
      metrics: {
        podUsage: Object.fromEntries(
          pods.map(pod => [pod.name, { usage: { memory: 400 * 1024 * 1024 } }]),
        ),
        pods: [
          {
            metric: { name: 'rps' },
            values: { 'api-0': 90, 'api-1': '95.5', 'api-2': 100 },
          },
        ],
        object: [
          { describedObject: queue, metric: { name: 'depth' }, value: 31 },
        ],
        external: [{ metric: { name: 'lag' }, values: [1000, '1500'] }],
      },
      now: NOW,
    });
    expect(result.metricStatuses).toEqual([
      {
        type: 'Resource',
        resource: { name: 'memory', current: { averageValue: '419430400' } },
      },
      {
        type: 'Pods',
        pods: { metric: { name: 'rps' }, current: { averageValue: '95166m' } },
      },
      {
        type: 'Object',
        object: {
          describedObject: queue,
          metric: { name: 'depth' },
          current: { value: '31' },
        },
      },
      {
        type: 'External',
        external: {
          metric: { name: 'lag' },
          current: { averageValue: '833334m' },
        },
      },
    ]);
    expect(result).toMatchObject({ desiredReplicas: 3, rescale: false });
  });
});
