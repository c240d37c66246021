/*
 * Cases ported from upstream Kubernetes
 * pkg/controller/podautoscaler/replica_calculator_test.go, with the same
 * numbers. As there, every pod has two containers that each request the
 * pod's listed CPU and each use its listed level, so pod totals are doubled.
 * ContainerResource cases give each container its own level, as upstream does.
 */
import { HpaMetricError } from './errors';
import type { PodMetrics } from './podGrouping';
import { MAX_INT64, quantityToMilli } from './quantity';
import {
  averageValueReplicas,
  externalValueReplicas,
  objectValueReplicas,
  ReplicaCalculation,
  resourceUtilizationReplicas,
  totalPerPodReplicas,
} from './replicaCalculator';
import { Tolerances, uniformTolerances } from './tolerances';
import type { PodPhase, PodSample } from './types';

const NOW = Date.UTC(2025, 0, 15, 12);
const MINUTE = 60_000;
/** A pod that just started: its CPU samples are still distrusted. */
const HOT = NOW;
/** A pod past the CPU initialization period. */
const COOL = NOW - 3 * MINUTE;
const CONTAINERS_PER_POD = 2;
const DEFAULT_TOLERANCES = uniformTolerances(0.1);
/** upstream defaultTestingCPUInitializationPeriod and defaultTestingDelayOfInitialReadinessStatus */
const TIMING = {
  cpuInitializationPeriodSeconds: 120,
  initialReadinessDelaySeconds: 10,
};

interface Scenario {
  currentReplicas: number;
  /** CPU request of each container of pod i. */
  requests?: string[];
  readiness?: boolean[];
  startTimes?: number[];
  phases?: PodPhase[];
  deleting?: boolean[];
  tolerances?: Tolerances;
}

function podsOf(scenario: Scenario): PodSample[] {
  const count = Math.max(
    scenario.currentReplicas,
    scenario.phases?.length ?? 0,
  );
  return Array.from({ length: count }, (_, i) => {
    const request = scenario.requests?.[i];
    return {
      name: `test-pod-${i}`,
      phase: scenario.phases?.[i] ?? 'Running',
      deleting: scenario.deleting?.[i] ?? false,
      ready: scenario.readiness?.[i] ?? true,
      startTime: scenario.startTimes?.[i] ?? COOL,
      requests:
        request === undefined
          ? {}
          : { cpu: CONTAINERS_PER_POD * quantityToMilli(request) },
    };
  });
}

function calculationOf(scenario: Scenario): ReplicaCalculation {
  return {
    currentReplicas: scenario.currentReplicas,
    pods: podsOf(scenario),
    tolerances: scenario.tolerances ?? DEFAULT_TOLERANCES,
    now: NOW,
    timing: TIMING,
  };
}

/** Per-pod samples named test-pod-i, or `names[i]` when given. */
function samples(values: number[], names: string[] = []): PodMetrics {
  return new Map(
    values.map((value, i) => [
      names[i] ?? `test-pod-${i}`,
      { value: BigInt(value), timestamp: NOW, windowSeconds: 60 },
    ]),
  );
}

/** CPU usage samples where both containers of pod i use `levels[i]` millicores. */
function cpuLevels(levels: number[], names?: string[]): PodMetrics {
  return samples(
    levels.map(level => CONTAINERS_PER_POD * level),
    names,
  );
}

const oneCore = (pods: number) => Array<string>(pods).fill('1.0');

describe('resourceUtilizationReplicas', () => {
  type Case = {
    name: string;
    scenario: Scenario;
    levels: number[];
    metricPodNames?: string[];
    target: number;
    replicas: number;
    utilization: number;
    rawValue: number;
  };

  const run = ({ scenario, levels, metricPodNames, target }: Case) =>
    resourceUtilizationReplicas(
      calculationOf(scenario),
      'cpu',
      cpuLevels(levels, metricPodNames),
      target,
    );

  const expectedProposal = (testCase: Case) => ({
    replicas: testCase.replicas,
    utilization: testCase.utilization,
    rawAverageValue: BigInt(testCase.rawValue),
  });

  // TestReplicaCalcResourceScale
  it.each<Case>([
    {
      name: 'scale up',
      scenario: { currentReplicas: 3, requests: oneCore(3) },
      levels: [300, 500, 700],
      target: 30,
      replicas: 5,
      utilization: 50,
      rawValue: CONTAINERS_PER_POD * 500,
    },
    {
      name: 'scale up: unready pod scales less',
      scenario: {
        currentReplicas: 3,
        requests: oneCore(3),
        readiness: [false, true, true],
      },
      levels: [300, 500, 700],
      target: 30,
      replicas: 4,
      utilization: 60,
      rawValue: CONTAINERS_PER_POD * 600,
    },
    {
      name: 'scale up: hot-CPU pod scales less',
      scenario: {
        currentReplicas: 3,
        requests: oneCore(3),
        startTimes: [HOT, COOL, COOL],
      },
      levels: [300, 500, 700],
      target: 30,
      replicas: 4,
      utilization: 60,
      rawValue: CONTAINERS_PER_POD * 600,
    },
    {
      name: 'no scale: unready pods ignored',
      scenario: {
        currentReplicas: 3,
        requests: oneCore(3),
        readiness: [true, false, false],
      },
      levels: [400, 500, 700],
      target: 30,
      replicas: 3,
      utilization: 40,
      rawValue: CONTAINERS_PER_POD * 400,
    },
    {
      name: 'no scale: hot-CPU pods ignored',
      scenario: {
        currentReplicas: 3,
        requests: oneCore(3),
        readiness: [true, false, false],
        startTimes: [COOL, HOT, HOT],
      },
      levels: [400, 500, 700],
      target: 30,
      replicas: 3,
      utilization: 40,
      rawValue: CONTAINERS_PER_POD * 400,
    },
    {
      name: 'scale up: failed pods ignored',
      scenario: {
        currentReplicas: 2,
        requests: oneCore(4),
        readiness: [true, true, false, false],
        phases: ['Running', 'Running', 'Failed', 'Failed'],
      },
      levels: [500, 700],
      target: 30,
      replicas: 4,
      utilization: 60,
      rawValue: CONTAINERS_PER_POD * 600,
    },
    {
      name: 'scale up: pods being deleted are ignored',
      scenario: {
        currentReplicas: 2,
        requests: oneCore(4),
        readiness: [true, true, false, false],
        phases: ['Running', 'Running', 'Running', 'Running'],
        deleting: [false, false, true, true],
      },
      levels: [500, 700],
      target: 30,
      replicas: 4,
      utilization: 60,
      rawValue: CONTAINERS_PER_POD * 600,
    },
    {
      name: 'scale down',
      scenario: { currentReplicas: 5, requests: oneCore(5) },
      levels: [100, 300, 500, 250, 250],
      target: 50,
      replicas: 3,
      utilization: 28,
      rawValue: CONTAINERS_PER_POD * 280,
    },
    {
      name: 'scale down: exclude unready pods',
      scenario: {
        currentReplicas: 5,
        requests: oneCore(5),
        readiness: [true, true, true, false, false],
      },
      levels: [100, 300, 500, 250, 250],
      target: 50,
      replicas: 2,
      utilization: 30,
      rawValue: CONTAINERS_PER_POD * 300,
    },
    {
      name: 'scale down: exclude unscheduled pods',
      scenario: {
        currentReplicas: 5,
        requests: oneCore(5),
        readiness: [true, false, false, false, false],
        phases: ['Running', 'Pending', 'Pending', 'Pending', 'Pending'],
      },
      levels: [100],
      target: 50,
      replicas: 1,
      utilization: 10,
      rawValue: CONTAINERS_PER_POD * 100,
    },
    {
      name: 'scale down: ignore hot-CPU pods',
      scenario: {
        currentReplicas: 5,
        requests: oneCore(5),
        startTimes: [COOL, COOL, COOL, HOT, HOT],
      },
      levels: [100, 300, 500, 250, 250],
      target: 50,
      replicas: 2,
      utilization: 30,
      rawValue: CONTAINERS_PER_POD * 300,
    },
    {
      name: 'scale down: failed pods ignored',
      scenario: {
        currentReplicas: 5,
        requests: oneCore(7),
        readiness: [true, true, true, true, true, false, false],
        phases: [
          'Running',
          'Running',
          'Running',
          'Running',
          'Running',
          'Failed',
          'Failed',
        ],
      },
      levels: [100, 300, 500, 250, 250],
      target: 50,
      replicas: 3,
      utilization: 28,
      rawValue: CONTAINERS_PER_POD * 280,
    },
    {
      name: 'scale down: pods being deleted are ignored',
      scenario: {
        currentReplicas: 5,
        requests: oneCore(7),
        readiness: [true, true, true, true, true, false, false],
        phases: Array<PodPhase>(7).fill('Running'),
        deleting: [false, false, false, false, false, true, true],
      },
      levels: [100, 300, 500, 250, 250],
      target: 50,
      replicas: 3,
      utilization: 28,
      rawValue: CONTAINERS_PER_POD * 280,
    },
  ])('TestReplicaCalcResourceScale: $name', testCase => {
    expect(run(testCase)).toEqual(expectedProposal(testCase));
  });

  // TestReplicaCalcResourceTolerance
  const mixedRequests = ['0.9', '1.0', '1.1'];
  it.each<Case>([
    {
      name: 'within default tolerance',
      scenario: { currentReplicas: 3, requests: mixedRequests },
      levels: [1010, 1030, 1020],
      target: 100,
      replicas: 3,
      utilization: 102,
      rawValue: CONTAINERS_PER_POD * 1020,
    },
    {
      name: 'outside 0% tolerance',
      scenario: {
        currentReplicas: 3,
        requests: mixedRequests,
        tolerances: { scaleDown: 0, scaleUp: 0 },
      },
      levels: [909, 1010, 1111],
      target: 100,
      replicas: 4,
      utilization: 101,
      rawValue: CONTAINERS_PER_POD * 1010,
    },
    {
      name: 'within 200% scale-up tolerance',
      scenario: {
        currentReplicas: 3,
        requests: mixedRequests,
        tolerances: { scaleDown: 0.1, scaleUp: 2 },
      },
      levels: [1890, 1910, 1900],
      target: 100,
      replicas: 3,
      utilization: 190,
      rawValue: CONTAINERS_PER_POD * 1900,
    },
    {
      name: 'outside 8% scale-up tolerance (superfluous scale-down tolerance)',
      scenario: {
        currentReplicas: 3,
        requests: mixedRequests,
        tolerances: { scaleDown: 2, scaleUp: 0.08 },
      },
      levels: [1100, 1080, 1090],
      target: 100,
      replicas: 4,
      utilization: 109,
      rawValue: CONTAINERS_PER_POD * 1090,
    },
    {
      name: 'within 36% scale-down tolerance',
      scenario: {
        currentReplicas: 3,
        requests: mixedRequests,
        tolerances: { scaleDown: 0.36, scaleUp: 0.1 },
      },
      levels: [660, 640, 650],
      target: 100,
      replicas: 3,
      utilization: 65,
      rawValue: CONTAINERS_PER_POD * 650,
    },
    {
      name: 'outside 34% scale-down tolerance',
      scenario: {
        currentReplicas: 3,
        requests: mixedRequests,
        tolerances: { scaleDown: 0.34, scaleUp: 0.1 },
      },
      levels: [660, 640, 650],
      target: 100,
      replicas: 2,
      utilization: 65,
      rawValue: CONTAINERS_PER_POD * 650,
    },
  ])('TestReplicaCalcResourceTolerance: $name', testCase => {
    expect(run(testCase)).toEqual(expectedProposal(testCase));
  });

  // TestReplicaCalcResourceMissingMetrics
  it.each<Case>([
    {
      name: 'superfluous metrics counted',
      scenario: { currentReplicas: 4, requests: oneCore(4) },
      levels: [4000, 9500, 3000, 7000, 3200, 2000],
      target: 100,
      replicas: 24,
      utilization: 587,
      rawValue: CONTAINERS_PER_POD * 5875,
    },
    {
      name: 'some pods missing metrics scales down',
      scenario: { currentReplicas: 4, requests: oneCore(4) },
      levels: [400, 95],
      target: 100,
      replicas: 3,
      utilization: 24,
      rawValue: 495,
    },
    {
      name: 'no change: metric equal to target',
      scenario: { currentReplicas: 2, requests: oneCore(2) },
      levels: [1000],
      target: 100,
      replicas: 2,
      utilization: 100,
      rawValue: CONTAINERS_PER_POD * 1000,
    },
    {
      name: 'no change: metric above target',
      scenario: { currentReplicas: 2, requests: oneCore(2) },
      levels: [1900],
      target: 100,
      replicas: 2,
      utilization: 190,
      rawValue: CONTAINERS_PER_POD * 1900,
    },
    {
      name: 'no change: metric below target',
      scenario: { currentReplicas: 2, requests: oneCore(2) },
      levels: [600],
      target: 100,
      replicas: 2,
      utilization: 60,
      rawValue: CONTAINERS_PER_POD * 600,
    },
    {
      name: 'no change: unready pod metric missing',
      scenario: {
        currentReplicas: 3,
        requests: oneCore(3),
        readiness: [false, true, true],
      },
      levels: [100, 450],
      target: 50,
      replicas: 3,
      utilization: 45,
      rawValue: CONTAINERS_PER_POD * 450,
    },
    {
      name: 'no change: hot-CPU pod metric missing',
      scenario: {
        currentReplicas: 3,
        requests: oneCore(3),
        startTimes: [HOT, COOL, COOL],
      },
      levels: [100, 450],
      target: 50,
      replicas: 3,
      utilization: 45,
      rawValue: CONTAINERS_PER_POD * 450,
    },
    {
      name: 'scale up: unready pod metric missing',
      scenario: {
        currentReplicas: 3,
        requests: oneCore(3),
        readiness: [false, true, true],
      },
      levels: [100, 2000],
      target: 50,
      replicas: 4,
      utilization: 200,
      rawValue: CONTAINERS_PER_POD * 2000,
    },
    {
      name: 'scale up: hot-CPU pod metric missing',
      scenario: {
        currentReplicas: 3,
        requests: oneCore(3),
        readiness: [false, true, true],
        startTimes: [HOT, COOL, COOL],
      },
      levels: [100, 2000],
      target: 50,
      replicas: 4,
      utilization: 200,
      rawValue: CONTAINERS_PER_POD * 2000,
    },
    {
      name: 'scale down: unready pod metric missing',
      scenario: {
        currentReplicas: 4,
        requests: oneCore(4),
        readiness: [false, true, true, true],
      },
      levels: [100, 100, 100],
      target: 50,
      replicas: 3,
      utilization: 10,
      rawValue: CONTAINERS_PER_POD * 100,
    },
    {
      name: 'scale down: target over 100',
      scenario: {
        currentReplicas: 4,
        requests: ['1.0', '1.0', '2.0', '2.0'],
        readiness: [false, true, true, true],
      },
      levels: [200, 100, 100],
      target: 300,
      replicas: 2,
      utilization: 6,
      rawValue: CONTAINERS_PER_POD * 100,
    },
    {
      name: 'rolling update with maxSurge: extra pod missing metric',
      scenario: {
        currentReplicas: 2,
        requests: oneCore(3),
        phases: ['Running', 'Running', 'Running'],
      },
      levels: [100, 100],
      target: 50,
      replicas: 2,
      utilization: 10,
      rawValue: CONTAINERS_PER_POD * 100,
    },
  ])('TestReplicaCalcResourceMissingMetrics: $name', testCase => {
    expect(run(testCase)).toEqual(expectedProposal(testCase));
  });

  // TestReplicaCalcResourceMissingMetrics, the error cases
  it('TestReplicaCalcResourceMissingMetrics: disjoint pod and metric names', () => {
    expect(() =>
      resourceUtilizationReplicas(
        calculationOf({ currentReplicas: 1, requests: oneCore(1) }),
        'cpu',
        cpuLevels([100], ['an-older-pod-name']),
        100,
      ),
    ).toThrow('no metrics returned matched known pods');
  });

  it('TestReplicaCalcResourceMissingMetrics: missing CPU request on container', () => {
    expect(() =>
      resourceUtilizationReplicas(
        calculationOf({ currentReplicas: 1, requests: [] }),
        'cpu',
        cpuLevels([200]),
        100,
      ),
    ).toThrow(new HpaMetricError('missing request for cpu in Pod test-pod-0'));
  });

  // TestReplicaCalcComputedToleranceAlgImplementation: a target just past the
  // tolerance scales down; one just inside it does not.
  describe('TestReplicaCalcComputedToleranceAlgImplementation', () => {
    const startPods = 10;
    const totalUsedCpu = startPods * 150;
    const totalRequestedCpu = 2 * totalUsedCpu;
    const requestedToUsed = Math.trunc(totalRequestedCpu / totalUsedCpu);
    const perPodRequested = totalRequestedCpu / startPods;
    const scenario: Scenario = {
      currentReplicas: startPods,
      requests: [100, -100, 10, -10, 2, -2, 1, -1, 0, 0].map(
        jitter => `${perPodRequested + jitter}m`,
      ),
    };
    const levels = Array<number>(startPods).fill(totalUsedCpu / 10);

    it('scales down when the target breaches the tolerance', () => {
      const target = 1 / (requestedToUsed * (1 - 0.1)) + 0.01;
      const usedRatio = totalUsedCpu / (totalRequestedCpu * target);
      const proposal = resourceUtilizationReplicas(
        calculationOf(scenario),
        'cpu',
        cpuLevels(levels),
        Math.trunc(target * 100),
      );
      expect(proposal).toEqual({
        replicas: Math.ceil(usedRatio * startPods),
        utilization: Math.trunc((totalUsedCpu * 100) / totalRequestedCpu),
        rawAverageValue: BigInt((CONTAINERS_PER_POD * totalUsedCpu) / 10),
      });
      expect(proposal.replicas).toBe(9);
    });

    it('keeps the replicas within a close margin of the tolerance', () => {
      const target = 1 / (requestedToUsed * (1 - 0.1)) + 0.004;
      const proposal = resourceUtilizationReplicas(
        calculationOf(scenario),
        'cpu',
        cpuLevels(levels),
        Math.trunc(target * 100),
      );
      expect(proposal.replicas).toBe(startPods);
    });
  });
});

describe('averageValueReplicas (Pods metrics)', () => {
  // TestReplicaCalcPodMetric
  it.each<{
    name: string;
    scenario: Scenario;
    levels: number[];
    target: number;
    replicas: number;
    usage: number;
  }>([
    {
      name: 'scale up',
      scenario: { currentReplicas: 3 },
      levels: [20000, 10000, 30000],
      target: 15000,
      replicas: 4,
      usage: 20000,
    },
    {
      name: 'scale up: unready hot-CPU pod scales less',
      scenario: {
        currentReplicas: 3,
        readiness: [true, true, false],
        startTimes: [COOL, COOL, HOT],
      },
      levels: [50000, 10000, 30000],
      target: 15000,
      replicas: 6,
      usage: 30000,
    },
    {
      name: 'scale up: unready hot-CPU pods avoid scale-down',
      scenario: {
        currentReplicas: 3,
        readiness: [false, true, false],
        startTimes: [HOT, COOL, HOT],
      },
      levels: [50000, 15000, 30000],
      target: 15000,
      replicas: 7,
      usage: 31666,
    },
    {
      name: 'scale down',
      scenario: { currentReplicas: 5 },
      levels: [12000, 12000, 12000, 12000, 12000],
      target: 20000,
      replicas: 3,
      usage: 12000,
    },
    {
      name: 'within default tolerance',
      scenario: { currentReplicas: 3 },
      levels: [20000, 21000, 21000],
      target: 20000,
      replicas: 3,
      usage: 20666,
    },
    {
      name: 'outside configurable 1% tolerance',
      scenario: {
        currentReplicas: 3,
        tolerances: { scaleDown: 0.1, scaleUp: 0.01 },
      },
      levels: [20000, 21000, 21000],
      target: 20000,
      replicas: 4,
      usage: 20666,
    },
    {
      name: 'no change: missing metrics',
      scenario: { currentReplicas: 5 },
      levels: [20000, 19000, 21000],
      target: 20000,
      replicas: 5,
      usage: 20000,
    },
    {
      name: 'rolling update with maxSurge: extra pod missing metric',
      scenario: {
        currentReplicas: 2,
        phases: ['Running', 'Running', 'Running'],
      },
      levels: [10000, 10000],
      target: 17000,
      replicas: 2,
      usage: 10000,
    },
  ])(
    'TestReplicaCalcPodMetric: $name',
    ({ scenario, levels, target, replicas, usage }) => {
      expect(
        averageValueReplicas(
          calculationOf(scenario),
          samples(levels),
          BigInt(target),
        ),
      ).toEqual({ replicas, usage: BigInt(usage) });
    },
  );
});

describe('objectValueReplicas', () => {
  // TestReplicaCalcObjectMetric
  it.each<{
    name: string;
    scenario: Scenario;
    level: number;
    target: number;
    replicas: number;
  }>([
    {
      name: 'scale up',
      scenario: { currentReplicas: 3 },
      level: 20000,
      target: 15000,
      replicas: 4,
    },
    {
      name: 'scale up: ignores unready pods',
      scenario: { currentReplicas: 3, readiness: [false, true, false] },
      level: 50000,
      target: 10000,
      replicas: 5,
    },
    {
      name: 'scale down',
      scenario: { currentReplicas: 5 },
      level: 12000,
      target: 20000,
      replicas: 3,
    },
    {
      name: 'within default tolerance',
      scenario: { currentReplicas: 3 },
      level: 20666,
      target: 20000,
      replicas: 3,
    },
    {
      name: 'outside configurable 1% tolerance',
      scenario: {
        currentReplicas: 3,
        tolerances: { scaleDown: 0.1, scaleUp: 0.01 },
      },
      level: 20666,
      target: 20000,
      replicas: 4,
    },
  ])(
    'TestReplicaCalcObjectMetric: $name',
    ({ scenario, level, target, replicas }) => {
      expect(
        objectValueReplicas(
          calculationOf(scenario),
          BigInt(level),
          BigInt(target),
        ),
      ).toEqual({
        replicas,
        usage: BigInt(level),
      });
    },
  );
});

describe('externalValueReplicas', () => {
  // TestReplicaCalcExternalMetric
  it.each<{
    name: string;
    scenario: Scenario;
    levels: number[];
    target: number;
    replicas: number;
    usage: number;
  }>([
    {
      name: 'scale down: ignores unready pods (would otherwise scale up)',
      scenario: { currentReplicas: 3, readiness: [false, true, false] },
      levels: [8600],
      target: 4400,
      replicas: 2,
      usage: 8600,
    },
    {
      name: 'scale down',
      scenario: { currentReplicas: 5 },
      levels: [8600],
      target: 14334,
      replicas: 3,
      usage: 8600,
    },
    {
      name: 'within default tolerance',
      scenario: { currentReplicas: 3 },
      levels: [8600],
      target: 8888,
      replicas: 3,
      usage: 8600,
    },
    {
      name: 'outside configurable 1% tolerance',
      scenario: {
        currentReplicas: 3,
        tolerances: { scaleDown: 0.1, scaleUp: 0.01 },
      },
      levels: [8900],
      target: 8800,
      replicas: 4,
      usage: 8900,
    },
  ])(
    'TestReplicaCalcExternalMetric: $name',
    ({ scenario, levels, target, replicas, usage }) => {
      expect(
        externalValueReplicas(
          calculationOf(scenario),
          levels.map(level => BigInt(level)),
          BigInt(target),
        ),
      ).toEqual({ replicas, usage: BigInt(usage) });
    },
  );
});

describe('totalPerPodReplicas', () => {
  type Case = {
    name: string;
    statusReplicas: number;
    total: number;
    targetPerPod: number;
    tolerances?: Tolerances;
    replicas: number;
    usage: number;
  };
  const run = ({ statusReplicas, total, targetPerPod, tolerances }: Case) =>
    totalPerPodReplicas(
      statusReplicas,
      BigInt(total),
      BigInt(targetPerPod),
      tolerances ?? DEFAULT_TOLERANCES,
    );

  // TestReplicaCalcObjectPerPodMetric
  it.each<Case>([
    {
      name: 'scale up',
      statusReplicas: 3,
      total: 20000,
      targetPerPod: 5000,
      replicas: 4,
      usage: 6667,
    },
    {
      name: 'scale down',
      statusReplicas: 5,
      total: 6000,
      targetPerPod: 2000,
      replicas: 3,
      usage: 1200,
    },
    {
      name: 'within default tolerance',
      statusReplicas: 4,
      total: 20166,
      targetPerPod: 5000,
      replicas: 4,
      usage: 5042,
    },
    {
      name: 'outside configurable 1% tolerance',
      statusReplicas: 4,
      total: 20208,
      targetPerPod: 5000,
      tolerances: { scaleDown: 0.1, scaleUp: 0.01 },
      replicas: 5,
      usage: 5052,
    },
  ])('TestReplicaCalcObjectPerPodMetric: $name', testCase => {
    expect(run(testCase)).toEqual({
      replicas: testCase.replicas,
      usage: BigInt(testCase.usage),
    });
  });

  // TestReplicaCalcExternalPerPodMetric
  it.each<Case>([
    {
      name: 'scale up',
      statusReplicas: 3,
      total: 8600,
      targetPerPod: 2150,
      replicas: 4,
      usage: 2867,
    },
    {
      name: 'scale down',
      statusReplicas: 5,
      total: 8600,
      targetPerPod: 2867,
      replicas: 3,
      usage: 1720,
    },
    {
      name: 'within default tolerance',
      statusReplicas: 3,
      total: 8600,
      targetPerPod: 2900,
      replicas: 3,
      usage: 2867,
    },
    {
      name: 'outside configurable 1% tolerance',
      statusReplicas: 3,
      total: 8600,
      targetPerPod: 2800,
      tolerances: { scaleDown: 0.1, scaleUp: 0.01 },
      replicas: 4,
      usage: 2867,
    },
  ])('TestReplicaCalcExternalPerPodMetric: $name', testCase => {
    expect(run(testCase)).toEqual({
      replicas: testCase.replicas,
      usage: BigInt(testCase.usage),
    });
  });
});

describe('resourceUtilizationReplicas (ContainerResource metrics)', () => {
  /** Pods whose container1 and container2 each request `request`, as upstream's test pods. */
  const containerPods = (
    count: number,
    request: string,
    startTimes: number[] = [],
  ): PodSample[] =>
    Array.from({ length: count }, (_, i) => ({
      name: `test-pod-${i}`,
      ready: true,
      startTime: startTimes[i] ?? COOL,
      requests: { cpu: CONTAINERS_PER_POD * quantityToMilli(request) },
      containers: [
        { name: 'container1', requests: { cpu: quantityToMilli(request) } },
        { name: 'container2', requests: { cpu: quantityToMilli(request) } },
      ],
    }));
  /** container2's samples, pod by pod: upstream levels `{{x, level}, ...}`. */
  const container2Levels = (levels: number[]) => samples(levels);
  const calculation = (pods: PodSample[]): ReplicaCalculation => ({
    currentReplicas: pods.length,
    pods,
    tolerances: DEFAULT_TOLERANCES,
    now: NOW,
    timing: TIMING,
  });

  // TestReplicaCalcScaleUpContainer: container1 uses 1000m in every pod and does not count.
  it('scales on the named container only', () => {
    expect(
      resourceUtilizationReplicas(
        calculation(containerPods(3, '1.0')),
        'cpu',
        container2Levels([300, 500, 700]),
        30,
        'container2',
      ),
    ).toEqual({ replicas: 5, utilization: 50, rawAverageValue: 500n });
  });

  // TestReplicaCalcScaleUpContainerHotCpuLessScale
  it('leaves out a hot-CPU pod, as for pod metrics', () => {
    expect(
      resourceUtilizationReplicas(
        calculation(containerPods(3, '1.0', [HOT, COOL, COOL])),
        'cpu',
        container2Levels([300, 500, 700]),
        30,
        'container2',
      ),
    ).toEqual({ replicas: 4, utilization: 60, rawAverageValue: 600n });
  });

  // calculatePodRequests: "calculate requests with special container"
  it("reads the named container's request, not the pod's", () => {
    const pod: PodSample = {
      name: 'test-pod-0',
      ready: true,
      startTime: COOL,
      requests: { cpu: 150 },
      containers: [
        { name: 'container1', requests: { cpu: 100 } },
        { name: 'container2', requests: { cpu: 50 } },
      ],
    };
    // 100m used of container1's 100m request: 100 %.
    expect(
      resourceUtilizationReplicas(
        calculation([pod]),
        'cpu',
        samples([100]),
        100,
        'container1',
      ).utilization,
    ).toBe(100);
  });

  it('fails for a named container without a request', () => {
    const pod: PodSample = {
      name: 'test-pod-0',
      ready: true,
      startTime: COOL,
      requests: { cpu: 100 },
      containers: [{ name: 'container1', requests: {} }],
    };
    expect(() =>
      resourceUtilizationReplicas(
        calculation([pod]),
        'cpu',
        samples([100]),
        50,
        'container1',
      ),
    ).toThrow(
      new HpaMetricError(
        'missing request for cpu in container container1 of Pod test-pod-0',
      ),
    );
  });
});

describe('exact milli-values and int64 caps', () => {
  /** 2^53 + 1: the first integer a number cannot hold. */
  const BEYOND_DOUBLE = 9007199254740993n;

  it('keeps milli-values beyond 2^53 exact in the raw average', () => {
    const metrics: PodMetrics = new Map([
      [
        'test-pod-0',
        { value: BEYOND_DOUBLE, timestamp: NOW, windowSeconds: 60 },
      ],
    ]);
    const pods: PodSample[] = [
      {
        name: 'test-pod-0',
        ready: true,
        startTime: COOL,
        requests: { cpu: `${BEYOND_DOUBLE}m` },
      },
    ];
    const proposal = resourceUtilizationReplicas(
      {
        currentReplicas: 1,
        pods,
        tolerances: DEFAULT_TOLERANCES,
        now: NOW,
        timing: TIMING,
      },
      'cpu',
      metrics,
      100,
    );
    expect(proposal).toEqual({
      replicas: 1,
      utilization: 100,
      rawAverageValue: BEYOND_DOUBLE,
    });
  });

  // TestReplicaCalcExternalMetricOverflow (upstream #133888): the sum stops at MaxInt64.
  it('caps an external sum that overflows at MaxInt64', () => {
    const proposal = externalValueReplicas(
      calculationOf({ currentReplicas: 3 }),
      [MAX_INT64, MAX_INT64],
      1000n,
    );
    expect(proposal.usage).toBe(MAX_INT64);
    expect(proposal.replicas).toBe(2 ** 31 - 1);
  });

  // TestReplicaCalcExternalPerPodMetricOverflow (upstream #127050)
  it('caps replicas at MaxInt32 for an overflowing per-pod total', () => {
    const proposal = totalPerPodReplicas(3, MAX_INT64, 1n, DEFAULT_TOLERANCES);
    expect(proposal.replicas).toBe(2 ** 31 - 1);
    expect(proposal.usage).toBeGreaterThan(0n);
  });

  it('caps summed usage at MaxInt64 instead of wrapping negative', () => {
    const metrics: PodMetrics = new Map(
      ['test-pod-0', 'test-pod-1'].map(name => [
        name,
        { value: MAX_INT64, timestamp: NOW, windowSeconds: 60 },
      ]),
    );
    const proposal = averageValueReplicas(
      calculationOf({ currentReplicas: 2 }),
      metrics,
      MAX_INT64 / 4n,
    );
    // MaxInt64 over two pods, against a target of a quarter of it: twice the target.
    expect(proposal.usage).toBe(MAX_INT64 / 2n);
    expect(proposal.replicas).toBe(4);
  });
});
