/*
 * Controller-level cases ported from upstream Kubernetes
 * pkg/controller/podautoscaler/horizontal_test.go, with the same numbers.
 *
 * As upstream's fakes do, the reported levels feed every metrics API at once:
 * CPU usage per pod (split over two containers, so odd levels lose 1m), the
 * per-pod `qps` custom metric, the `qps` object metric (first level) and the
 * `qps` external metric (one series per level); custom levels are milli-units.
 * Upstream's tests raise the legacy scale-up factor to 8; every ported case
 * gives the same result with the production factor of 2 used here.
 * Cases about selectors, events and API failures of the scale subresource are
 * the caller's business and are not ported.
 */
import { MINUTE, NOW, scalingRules } from './__testUtils__/behaviorFixtures';
import { computeHpaRecommendation, HpaRecommendation } from './autoscaler';
import { quantityToMilli } from './quantity';
import type {
  HpaCondition,
  HpaConditionType,
  HpaMetricSpec,
  HpaMetricTarget,
  HpaScalingRules,
  MetricObservations,
  PodPhase,
  PodSample,
} from './types';

const HOT = NOW;
const COOL = NOW - 3 * MINUTE;
/** upstream's defaultTesting* controller settings */
const TESTING_OPTIONS = {
  tolerance: 0.1,
  cpuInitializationPeriodSeconds: 120,
  initialReadinessDelaySeconds: 10,
  downscaleStabilizationWindowSeconds: 300,
};

type ConditionSummary = [HpaConditionType, HpaCondition['status'], string];
type MetricsApi = 'resource' | 'pods' | 'object' | 'external';

interface ControllerCase {
  name: string;
  minReplicas: number;
  maxReplicas: number;
  specReplicas: number;
  statusReplicas: number;
  /** Adds a CPU utilization metric before `metrics`, as upstream's CPUTarget. */
  cpuTarget?: number;
  metrics?: unknown[];
  scaleUpRules?: HpaScalingRules;
  scaleDownRules?: HpaScalingRules;
  reportedLevels: number[];
  /** One pod per request; `statusReplicas` pods requesting 1 CPU when absent. */
  reportedCPURequests?: string[];
  podReadiness?: boolean[];
  podStartTime?: number[];
  podPhase?: PodPhase[];
  podDeleting?: boolean[];
  /** `[replicas, minutes ago]`; absent means an HPA never evaluated before. */
  recommendations?: Array<[number, number]>;
  failingApis?: MetricsApi[];
  expectedDesiredReplicas: number;
  /** Conditions as upstream's statusOkWithOverrides would set them. */
  conditionOverrides?: ConditionSummary[];
  /** The whole condition list, when the case expects other than the ok status. */
  expectedConditions?: ConditionSummary[];
  expectedCpuUtilization?: number;
}

const STATUS_OK: ConditionSummary[] = [
  ['AbleToScale', 'True', 'SucceededRescale'],
  ['ScalingActive', 'True', 'ValidMetricFound'],
  ['ScalingLimited', 'False', 'DesiredWithinRange'],
];

function statusOkWith(overrides: ConditionSummary[] = []): ConditionSummary[] {
  return overrides.reduce(
    (conditions, override) =>
      conditions.map(condition =>
        condition[0] === override[0] ? override : condition,
      ),
    STATUS_OK,
  );
}

/** Upstream's fake pods split each request and usage evenly over two containers. */
const splitOverTwoContainers = (milli: number) => 2 * Math.floor(milli / 2);

const qps = (name = 'qps') => ({ name });
const podsQps = (averageValue: string): HpaMetricSpec => ({
  type: 'Pods',
  pods: { metric: qps(), target: { type: 'AverageValue', averageValue } },
});
const someDeployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  name: 'some-deployment',
};
const objectQps = (target: HpaMetricTarget): HpaMetricSpec => ({
  type: 'Object',
  object: { describedObject: someDeployment, metric: qps(), target },
});
const externalQps = (target: HpaMetricTarget): HpaMetricSpec => ({
  type: 'External',
  external: { metric: { name: 'qps', selector: {} }, target },
});
/** A metric type the API server would reject. */
const cheddarCheese = { type: 'CheddarCheese' };

function podsOf(testCase: ControllerCase): PodSample[] {
  const requests =
    testCase.reportedCPURequests ??
    Array<string>(testCase.statusReplicas).fill('1.0');
  return requests.map((request, i) => ({
    name: `test-pod-${i}`,
    phase: testCase.podPhase?.[i] ?? 'Running',
    deleting: testCase.podDeleting?.[i] ?? false,
    ready: testCase.podReadiness?.[i] ?? true,
    startTime: testCase.podStartTime?.[i] ?? COOL,
    requests: { cpu: splitOverTwoContainers(quantityToMilli(request)) },
  }));
}

function observationsOf(testCase: ControllerCase): MetricObservations {
  const { reportedLevels: levels, failingApis = [] } = testCase;
  const podName = (i: number) => `test-pod-${i}`;
  const metricSpecs = (testCase.metrics ?? []) as HpaMetricSpec[];
  const observations: MetricObservations = {
    podUsage: Object.fromEntries(
      levels.map((level, i) => [
        podName(i),
        {
          usage: { cpu: splitOverTwoContainers(level) },
          timestamp: NOW,
          windowSeconds: 60,
        },
      ]),
    ),
    pods: [
      {
        metric: qps(),
        values: Object.fromEntries(
          levels.map((level, i) => [podName(i), `${level}m`]),
        ),
      },
    ],
    object: metricSpecs.flatMap(spec =>
      spec.type === 'Object' && levels.length
        ? [{ ...spec.object, value: `${levels[0]}m` }]
        : [],
    ),
    external: [
      {
        metric: { name: 'qps', selector: {} },
        values: levels.map(l => `${l}m`),
      },
    ],
  };
  const apiFields = {
    resource: 'podUsage',
    pods: 'pods',
    object: 'object',
    external: 'external',
  } as const;
  for (const api of failingApis) {
    delete observations[apiFields[api]];
  }
  return observations;
}

function evaluate(testCase: ControllerCase): HpaRecommendation {
  const cpuMetric: HpaMetricSpec[] = testCase.cpuTarget
    ? [
        {
          type: 'Resource',
          resource: {
            name: 'cpu',
            target: {
              type: 'Utilization',
              averageUtilization: testCase.cpuTarget,
            },
          },
        },
      ]
    : [];
  const hasBehavior = testCase.scaleUpRules || testCase.scaleDownRules;
  return computeHpaRecommendation({
    spec: {
      minReplicas: testCase.minReplicas,
      maxReplicas: testCase.maxReplicas,
      metrics: [...cpuMetric, ...((testCase.metrics ?? []) as HpaMetricSpec[])],
      behavior: hasBehavior
        ? { scaleUp: testCase.scaleUpRules, scaleDown: testCase.scaleDownRules }
        : undefined,
    },
    currentReplicas: testCase.specReplicas,
    statusReplicas: testCase.statusReplicas,
    pods: podsOf(testCase),
    metrics: observationsOf(testCase),
    now: NOW,
    history: testCase.recommendations && {
      recommendations: testCase.recommendations.map(
        ([replicas, minutesAgo]) => ({
          replicas,
          timestamp: NOW - minutesAgo * MINUTE,
        }),
      ),
      scaleUpEvents: [],
      scaleDownEvents: [],
    },
    options: TESTING_OPTIONS,
  });
}

function cpuUtilizationOf(result: HpaRecommendation): number | undefined {
  for (const status of result.metricStatuses) {
    if (status.type === 'Resource' && status.resource.name === 'cpu') {
      return status.resource.current.averageUtilization;
    }
  }
  return undefined;
}

/** What upstream's test asserts about one evaluation. */
interface Outcome {
  desiredReplicas: number;
  rescale: boolean;
  conditions: ConditionSummary[];
  cpuUtilization?: number;
}

function outcomeOf(testCase: ControllerCase): Outcome {
  const result = evaluate(testCase);
  return {
    desiredReplicas: result.desiredReplicas,
    rescale: result.rescale,
    conditions: result.conditions.map(({ type, status, reason }) => [
      type,
      status,
      reason,
    ]),
    ...(testCase.expectedCpuUtilization !== undefined && {
      cpuUtilization: cpuUtilizationOf(result),
    }),
  };
}

function expectedOutcome(testCase: ControllerCase): Outcome {
  return {
    desiredReplicas: testCase.expectedDesiredReplicas,
    rescale: testCase.expectedDesiredReplicas !== testCase.specReplicas,
    conditions:
      testCase.expectedConditions ?? statusOkWith(testCase.conditionOverrides),
    ...(testCase.expectedCpuUtilization !== undefined && {
      cpuUtilization: testCase.expectedCpuUtilization,
    }),
  };
}

const oneCore = (pods: number) => Array<string>(pods).fill('1.0');
const readyForNewScale: ConditionSummary = [
  'AbleToScale',
  'True',
  'ReadyForNewScale',
];
const tooManyReplicas: ConditionSummary = [
  'ScalingLimited',
  'True',
  'TooManyReplicas',
];
const tooFewReplicas: ConditionSummary = [
  'ScalingLimited',
  'True',
  'TooFewReplicas',
];
const scalingInactive = (reason: string): ConditionSummary[] => [
  ['AbleToScale', 'True', 'SucceededGetScale'],
  ['ScalingActive', 'False', reason],
];

describe('computeHpaRecommendation', () => {
  describe('scaling up', () => {
    it.each<ControllerCase>([
      {
        name: 'TestScaleUp',
        minReplicas: 2,
        maxReplicas: 6,
        specReplicas: 3,
        statusReplicas: 3,
        expectedDesiredReplicas: 5,
        cpuTarget: 30,
        expectedCpuUtilization: 50,
        reportedLevels: [300, 500, 700],
        reportedCPURequests: oneCore(3),
      },
      {
        name: 'TestScaleUpUnreadyLessScale',
        minReplicas: 2,
        maxReplicas: 6,
        specReplicas: 3,
        statusReplicas: 3,
        expectedDesiredReplicas: 4,
        cpuTarget: 30,
        expectedCpuUtilization: 60,
        reportedLevels: [300, 500, 700],
        reportedCPURequests: oneCore(3),
        podReadiness: [false, true, true],
      },
      {
        name: 'TestScaleUpHotCpuLessScale',
        minReplicas: 2,
        maxReplicas: 6,
        specReplicas: 3,
        statusReplicas: 3,
        expectedDesiredReplicas: 4,
        cpuTarget: 30,
        expectedCpuUtilization: 60,
        reportedLevels: [300, 500, 700],
        reportedCPURequests: oneCore(3),
        podStartTime: [HOT, COOL, COOL],
      },
      {
        name: 'TestScaleUpUnreadyNoScale',
        minReplicas: 2,
        maxReplicas: 6,
        specReplicas: 3,
        statusReplicas: 3,
        expectedDesiredReplicas: 3,
        cpuTarget: 30,
        expectedCpuUtilization: 40,
        reportedLevels: [400, 500, 700],
        reportedCPURequests: oneCore(3),
        podReadiness: [true, false, false],
        conditionOverrides: [readyForNewScale],
      },
      {
        name: 'TestScaleUpHotCpuNoScale',
        minReplicas: 2,
        maxReplicas: 6,
        specReplicas: 3,
        statusReplicas: 3,
        expectedDesiredReplicas: 3,
        cpuTarget: 30,
        expectedCpuUtilization: 40,
        reportedLevels: [400, 500, 700],
        reportedCPURequests: oneCore(3),
        podReadiness: [true, false, false],
        podStartTime: [COOL, HOT, HOT],
        conditionOverrides: [readyForNewScale],
      },
      {
        name: 'TestScaleUpIgnoresFailedPods',
        minReplicas: 2,
        maxReplicas: 6,
        specReplicas: 2,
        statusReplicas: 2,
        expectedDesiredReplicas: 4,
        cpuTarget: 30,
        expectedCpuUtilization: 60,
        reportedLevels: [500, 700],
        reportedCPURequests: oneCore(4),
        podReadiness: [true, true, false, false],
        podPhase: ['Running', 'Running', 'Failed', 'Failed'],
      },
      {
        name: 'TestScaleUpIgnoresDeletionPods',
        minReplicas: 2,
        maxReplicas: 6,
        specReplicas: 2,
        statusReplicas: 2,
        expectedDesiredReplicas: 4,
        cpuTarget: 30,
        expectedCpuUtilization: 60,
        reportedLevels: [500, 700],
        reportedCPURequests: oneCore(4),
        podReadiness: [true, true, false, false],
        podDeleting: [false, false, true, true],
      },
      {
        name: 'TestScaleUpCM',
        minReplicas: 2,
        maxReplicas: 6,
        specReplicas: 3,
        statusReplicas: 3,
        expectedDesiredReplicas: 4,
        metrics: [podsQps('15.0')],
        reportedLevels: [20000, 10000, 30000],
        reportedCPURequests: oneCore(3),
      },
      {
        name: 'TestScaleUpCMUnreadyAndHotCpuNoLessScale',
        minReplicas: 2,
        maxReplicas: 6,
        specReplicas: 3,
        statusReplicas: 3,
        expectedDesiredReplicas: 6,
        metrics: [podsQps('15.0')],
        reportedLevels: [50000, 10000, 30000],
        podReadiness: [true, true, false],
        podStartTime: [COOL, COOL, HOT],
        reportedCPURequests: oneCore(3),
      },
      {
        name: 'TestScaleUpCMUnreadyandCpuHot',
        minReplicas: 2,
        maxReplicas: 6,
        specReplicas: 3,
        statusReplicas: 3,
        expectedDesiredReplicas: 6,
        metrics: [podsQps('15.0')],
        reportedLevels: [50000, 15000, 30000],
        podReadiness: [false, true, false],
        podStartTime: [HOT, COOL, HOT],
        reportedCPURequests: oneCore(3),
        conditionOverrides: [tooManyReplicas],
      },
      {
        name: 'TestScaleUpHotCpuNoScaleWouldScaleDown',
        minReplicas: 2,
        maxReplicas: 6,
        specReplicas: 3,
        statusReplicas: 3,
        expectedDesiredReplicas: 6,
        metrics: [podsQps('15.0')],
        reportedLevels: [50000, 15000, 30000],
        reportedCPURequests: oneCore(3),
        podStartTime: [HOT, COOL, HOT],
        conditionOverrides: [tooManyReplicas],
      },
      {
        name: 'TestScaleUpCMObject',
        minReplicas: 2,
        maxReplicas: 6,
        specReplicas: 3,
        statusReplicas: 3,
        expectedDesiredReplicas: 4,
        metrics: [objectQps({ type: 'Value', value: '15.0' })],
        reportedLevels: [20000],
      },
      {
        name: 'TestScaleUpFromZeroCMObject',
        minReplicas: 0,
        maxReplicas: 6,
        specReplicas: 0,
        statusReplicas: 0,
        expectedDesiredReplicas: 2,
        metrics: [objectQps({ type: 'Value', value: '15.0' })],
        reportedLevels: [20000],
      },
      {
        name: 'TestScaleUpFromZeroIgnoresToleranceCMObject',
        minReplicas: 0,
        maxReplicas: 6,
        specReplicas: 0,
        statusReplicas: 0,
        expectedDesiredReplicas: 1,
        metrics: [objectQps({ type: 'Value', value: '1.0' })],
        reportedLevels: [1000],
      },
      {
        name: 'TestScaleUpPerPodCMObject',
        minReplicas: 2,
        maxReplicas: 6,
        specReplicas: 3,
        statusReplicas: 3,
        expectedDesiredReplicas: 4,
        metrics: [objectQps({ type: 'AverageValue', averageValue: '10.0' })],
        reportedLevels: [40000],
      },
      {
        name: 'TestScaleUpCMExternal',
        minReplicas: 2,
        maxReplicas: 6,
        specReplicas: 3,
        statusReplicas: 3,
        expectedDesiredReplicas: 4,
        metrics: [externalQps({ type: 'Value', value: '6666m' })],
        reportedLevels: [8600],
      },
      {
        name: 'TestScaleUpPerPodCMExternal',
        minReplicas: 2,
        maxReplicas: 6,
        specReplicas: 3,
        statusReplicas: 3,
        expectedDesiredReplicas: 4,
        metrics: [externalQps({ type: 'AverageValue', averageValue: '2222m' })],
        reportedLevels: [8600],
      },
      {
        name: 'TestUpscaleCap',
        minReplicas: 1,
        maxReplicas: 100,
        specReplicas: 3,
        statusReplicas: 3,
        scaleUpRules: scalingRules(0, 0, 700, 60, 0),
        expectedDesiredReplicas: 24,
        cpuTarget: 10,
        reportedLevels: [100, 200, 300],
        reportedCPURequests: ['0.1', '0.1', '0.1'],
        conditionOverrides: [['ScalingLimited', 'True', 'ScaleUpLimit']],
      },
      {
        name: 'TestUpscaleCapGreaterThanMaxReplicas',
        minReplicas: 1,
        maxReplicas: 20,
        specReplicas: 3,
        statusReplicas: 3,
        scaleUpRules: scalingRules(0, 0, 700, 60, 0),
        // 24 without maxReplicas
        expectedDesiredReplicas: 20,
        cpuTarget: 10,
        reportedLevels: [100, 200, 300],
        reportedCPURequests: ['0.1', '0.1', '0.1'],
        conditionOverrides: [tooManyReplicas],
      },
      {
        name: 'TestMaxReplicas',
        minReplicas: 2,
        maxReplicas: 5,
        specReplicas: 3,
        statusReplicas: 3,
        expectedDesiredReplicas: 5,
        cpuTarget: 90,
        reportedLevels: [8000, 9500, 1000],
        reportedCPURequests: ['0.9', '1.0', '1.1'],
        conditionOverrides: [tooManyReplicas],
      },
      {
        name: 'TestSuperfluousMetrics',
        minReplicas: 2,
        maxReplicas: 6,
        specReplicas: 4,
        statusReplicas: 4,
        expectedDesiredReplicas: 6,
        cpuTarget: 100,
        reportedLevels: [4000, 9500, 3000, 7000, 3200, 2000],
        reportedCPURequests: oneCore(4),
        conditionOverrides: [tooManyReplicas],
      },
      {
        name: 'TestEventCreated',
        minReplicas: 1,
        maxReplicas: 5,
        specReplicas: 1,
        statusReplicas: 1,
        expectedDesiredReplicas: 2,
        cpuTarget: 50,
        reportedLevels: [200],
        reportedCPURequests: ['0.2'],
      },
      {
        name: 'TestNoBackoffUpscaleCM',
        minReplicas: 1,
        maxReplicas: 5,
        specReplicas: 3,
        statusReplicas: 3,
        expectedDesiredReplicas: 4,
        metrics: [podsQps('15.0')],
        reportedLevels: [20000, 10000, 30000],
        reportedCPURequests: oneCore(3),
      },
      {
        name: 'TestNoBackoffUpscaleCMNoBackoffCpu',
        minReplicas: 1,
        maxReplicas: 5,
        specReplicas: 3,
        statusReplicas: 3,
        expectedDesiredReplicas: 5,
        cpuTarget: 10,
        metrics: [podsQps('15.0')],
        reportedLevels: [20000, 10000, 30000],
        reportedCPURequests: oneCore(3),
        conditionOverrides: [tooManyReplicas],
      },
    ])('$name', testCase => {
      expect(outcomeOf(testCase)).toEqual(expectedOutcome(testCase));
    });
  });

  describe('scaling down', () => {
    it.each<ControllerCase>([
      {
        name: 'TestScaleDown',
        minReplicas: 2,
        maxReplicas: 6,
        specReplicas: 5,
        statusReplicas: 5,
        expectedDesiredReplicas: 3,
        cpuTarget: 50,
        expectedCpuUtilization: 28,
        reportedLevels: [100, 300, 500, 250, 250],
        reportedCPURequests: oneCore(5),
        recommendations: [],
      },
      {
        name: 'TestScaleDownWithScalingRules',
        minReplicas: 2,
        maxReplicas: 6,
        scaleUpRules: scalingRules(0, 0, 100, 15, 30),
        specReplicas: 5,
        statusReplicas: 5,
        expectedDesiredReplicas: 3,
        cpuTarget: 50,
        expectedCpuUtilization: 28,
        reportedLevels: [100, 300, 500, 250, 250],
        reportedCPURequests: oneCore(5),
        recommendations: [],
      },
      {
        name: 'TestScaleDownStabilizeInitialSize',
        minReplicas: 2,
        maxReplicas: 6,
        specReplicas: 5,
        statusReplicas: 5,
        expectedDesiredReplicas: 5,
        cpuTarget: 50,
        expectedCpuUtilization: 28,
        reportedLevels: [100, 300, 500, 250, 250],
        reportedCPURequests: oneCore(5),
        conditionOverrides: [['AbleToScale', 'True', 'ScaleDownStabilized']],
      },
      {
        name: 'TestScaleDownCM',
        minReplicas: 2,
        maxReplicas: 6,
        specReplicas: 5,
        statusReplicas: 5,
        expectedDesiredReplicas: 3,
        metrics: [podsQps('20.0')],
        reportedLevels: [12000, 12000, 12000, 12000, 12000],
        reportedCPURequests: oneCore(5),
        recommendations: [],
      },
      {
        name: 'TestScaleDownCMObject',
        minReplicas: 2,
        maxReplicas: 6,
        specReplicas: 5,
        statusReplicas: 5,
        expectedDesiredReplicas: 3,
        metrics: [objectQps({ type: 'Value', value: '20.0' })],
        reportedLevels: [12000],
        reportedCPURequests: oneCore(5),
        recommendations: [],
      },
      {
        name: 'TestScaleDownToZeroCMObject',
        minReplicas: 0,
        maxReplicas: 6,
        specReplicas: 5,
        statusReplicas: 5,
        expectedDesiredReplicas: 0,
        metrics: [objectQps({ type: 'Value', value: '20.0' })],
        reportedLevels: [0],
        reportedCPURequests: oneCore(5),
        recommendations: [],
      },
      {
        name: 'TestScaleDownPerPodCMObject',
        minReplicas: 2,
        maxReplicas: 6,
        specReplicas: 5,
        statusReplicas: 5,
        expectedDesiredReplicas: 3,
        metrics: [objectQps({ type: 'AverageValue', averageValue: '20.0' })],
        reportedLevels: [60000],
        reportedCPURequests: oneCore(5),
        recommendations: [],
      },
      {
        name: 'TestScaleDownCMExternal',
        minReplicas: 2,
        maxReplicas: 6,
        specReplicas: 5,
        statusReplicas: 5,
        expectedDesiredReplicas: 3,
        metrics: [externalQps({ type: 'Value', value: '14400m' })],
        reportedLevels: [8600],
        recommendations: [],
      },
      {
        name: 'TestScaleDownToZeroCMExternal',
        minReplicas: 0,
        maxReplicas: 6,
        specReplicas: 5,
        statusReplicas: 5,
        expectedDesiredReplicas: 0,
        metrics: [externalQps({ type: 'Value', value: '14400m' })],
        reportedLevels: [0],
        recommendations: [],
      },
      {
        name: 'TestScaleDownPerPodCMExternal',
        minReplicas: 2,
        maxReplicas: 6,
        specReplicas: 5,
        statusReplicas: 5,
        expectedDesiredReplicas: 3,
        metrics: [externalQps({ type: 'AverageValue', averageValue: '3000m' })],
        reportedLevels: [8600],
        recommendations: [],
      },
      {
        name: 'TestScaleDownIncludeUnreadyPods',
        minReplicas: 2,
        maxReplicas: 6,
        specReplicas: 5,
        statusReplicas: 5,
        expectedDesiredReplicas: 2,
        cpuTarget: 50,
        expectedCpuUtilization: 30,
        reportedLevels: [100, 300, 500, 250, 250],
        reportedCPURequests: oneCore(5),
        podReadiness: [true, true, true, false, false],
        recommendations: [],
      },
      {
        name: 'TestScaleDownIgnoreHotCpuPods',
        minReplicas: 2,
        maxReplicas: 6,
        specReplicas: 5,
        statusReplicas: 5,
        expectedDesiredReplicas: 2,
        cpuTarget: 50,
        expectedCpuUtilization: 30,
        reportedLevels: [100, 300, 500, 250, 250],
        reportedCPURequests: oneCore(5),
        podStartTime: [COOL, COOL, COOL, HOT, HOT],
        recommendations: [],
      },
      {
        name: 'TestScaleDownIgnoresFailedPods',
        minReplicas: 2,
        maxReplicas: 6,
        specReplicas: 5,
        statusReplicas: 5,
        expectedDesiredReplicas: 3,
        cpuTarget: 50,
        expectedCpuUtilization: 28,
        reportedLevels: [100, 300, 500, 250, 250],
        reportedCPURequests: oneCore(7),
        podReadiness: [true, true, true, true, true, false, false],
        podPhase: [
          'Running',
          'Running',
          'Running',
          'Running',
          'Running',
          'Failed',
          'Failed',
        ],
        recommendations: [],
      },
      {
        name: 'TestScaleDownIgnoresDeletionPods',
        minReplicas: 2,
        maxReplicas: 6,
        specReplicas: 5,
        statusReplicas: 5,
        expectedDesiredReplicas: 3,
        cpuTarget: 50,
        expectedCpuUtilization: 28,
        reportedLevels: [100, 300, 500, 250, 250],
        reportedCPURequests: oneCore(7),
        podReadiness: [true, true, true, true, true, false, false],
        podDeleting: [false, false, false, false, false, true, true],
        recommendations: [],
      },
      {
        name: 'TestMinReplicas',
        minReplicas: 2,
        maxReplicas: 5,
        specReplicas: 3,
        statusReplicas: 3,
        expectedDesiredReplicas: 2,
        cpuTarget: 90,
        reportedLevels: [10, 95, 10],
        reportedCPURequests: ['0.9', '1.0', '1.1'],
        conditionOverrides: [tooFewReplicas],
        recommendations: [],
      },
      {
        name: 'TestZeroMinReplicasDesiredZero',
        minReplicas: 0,
        maxReplicas: 5,
        specReplicas: 3,
        statusReplicas: 3,
        expectedDesiredReplicas: 0,
        cpuTarget: 90,
        reportedLevels: [0, 0, 0],
        reportedCPURequests: ['0.9', '1.0', '1.1'],
        recommendations: [],
      },
      {
        name: 'TestMinReplicasDesiredZero',
        minReplicas: 2,
        maxReplicas: 5,
        specReplicas: 3,
        statusReplicas: 3,
        expectedDesiredReplicas: 2,
        cpuTarget: 90,
        reportedLevels: [0, 0, 0],
        reportedCPURequests: ['0.9', '1.0', '1.1'],
        conditionOverrides: [tooFewReplicas],
        recommendations: [],
      },
      {
        name: 'TestMissingMetrics',
        minReplicas: 2,
        maxReplicas: 6,
        specReplicas: 4,
        statusReplicas: 4,
        expectedDesiredReplicas: 3,
        cpuTarget: 100,
        reportedLevels: [400, 95],
        reportedCPURequests: oneCore(4),
        recommendations: [],
      },
      {
        name: 'TestMissingReports',
        minReplicas: 1,
        maxReplicas: 5,
        specReplicas: 4,
        statusReplicas: 4,
        expectedDesiredReplicas: 2,
        cpuTarget: 50,
        reportedLevels: [200],
        reportedCPURequests: ['0.2'],
        recommendations: [],
      },
      {
        name: 'TestStabilizeDownscale',
        minReplicas: 1,
        maxReplicas: 5,
        specReplicas: 4,
        statusReplicas: 4,
        expectedDesiredReplicas: 4,
        cpuTarget: 100,
        reportedLevels: [50, 50, 50],
        reportedCPURequests: ['0.1', '0.1', '0.1'],
        conditionOverrides: [['AbleToScale', 'True', 'ScaleDownStabilized']],
        recommendations: [
          [10, 10],
          [4, 1],
        ],
      },
    ])('$name', testCase => {
      expect(outcomeOf(testCase)).toEqual(expectedOutcome(testCase));
    });
  });

  describe('tolerance', () => {
    it.each<ControllerCase>([
      {
        name: 'TestTolerance',
        minReplicas: 1,
        maxReplicas: 5,
        specReplicas: 3,
        statusReplicas: 3,
        expectedDesiredReplicas: 3,
        cpuTarget: 100,
        reportedLevels: [1010, 1030, 1020],
        reportedCPURequests: ['0.9', '1.0', '1.1'],
        conditionOverrides: [readyForNewScale],
      },
      {
        name: 'TestToleranceCM',
        minReplicas: 1,
        maxReplicas: 5,
        specReplicas: 3,
        statusReplicas: 3,
        expectedDesiredReplicas: 3,
        metrics: [podsQps('20.0')],
        reportedLevels: [20000, 20001, 21000],
        reportedCPURequests: ['0.9', '1.0', '1.1'],
        conditionOverrides: [readyForNewScale],
      },
      {
        name: 'TestToleranceCMObject',
        minReplicas: 1,
        maxReplicas: 5,
        specReplicas: 3,
        statusReplicas: 3,
        expectedDesiredReplicas: 3,
        metrics: [objectQps({ type: 'Value', value: '20.0' })],
        reportedLevels: [20050],
        reportedCPURequests: ['0.9', '1.0', '1.1'],
        conditionOverrides: [readyForNewScale],
      },
      {
        name: 'TestToleranceCMExternal',
        minReplicas: 2,
        maxReplicas: 6,
        specReplicas: 4,
        statusReplicas: 4,
        expectedDesiredReplicas: 4,
        metrics: [externalQps({ type: 'Value', value: '8666m' })],
        reportedLevels: [8600],
        conditionOverrides: [readyForNewScale],
      },
      {
        name: 'TestTolerancePerPodCMObject',
        minReplicas: 2,
        maxReplicas: 6,
        specReplicas: 4,
        statusReplicas: 4,
        expectedDesiredReplicas: 4,
        metrics: [
          {
            type: 'Object',
            object: {
              describedObject: someDeployment,
              metric: { name: 'qps', selector: {} },
              target: { type: 'AverageValue', averageValue: '2200m' },
            },
          },
        ],
        reportedLevels: [8600],
        conditionOverrides: [readyForNewScale],
      },
      {
        name: 'TestTolerancePerPodCMExternal',
        minReplicas: 2,
        maxReplicas: 6,
        specReplicas: 4,
        statusReplicas: 4,
        expectedDesiredReplicas: 4,
        metrics: [externalQps({ type: 'AverageValue', averageValue: '2200m' })],
        reportedLevels: [8600],
        conditionOverrides: [readyForNewScale],
      },
      {
        name: 'TestEventNotCreated',
        minReplicas: 1,
        maxReplicas: 5,
        specReplicas: 2,
        statusReplicas: 2,
        expectedDesiredReplicas: 2,
        cpuTarget: 50,
        reportedLevels: [200, 200],
        reportedCPURequests: ['0.4', '0.4'],
        conditionOverrides: [readyForNewScale],
      },
      {
        // A rolling update with 25 % surge: five pods exist for four desired replicas.
        name: 'TestMoreReplicasThanSpecNoScale',
        minReplicas: 1,
        maxReplicas: 8,
        specReplicas: 4,
        statusReplicas: 5,
        expectedDesiredReplicas: 4,
        cpuTarget: 50,
        reportedLevels: [500, 500, 500, 500, 500],
        reportedCPURequests: oneCore(5),
        conditionOverrides: [readyForNewScale],
      },
    ])('$name', testCase => {
      expect(outcomeOf(testCase)).toEqual(expectedOutcome(testCase));
    });

    // TestComputedToleranceAlgImplementation: a target just past the tolerance
    // scales down; one just inside it does not.
    describe('TestComputedToleranceAlgImplementation', () => {
      const startPods = 10;
      const totalUsedCpu = startPods * 150;
      const totalRequestedCpu = 2 * totalUsedCpu;
      const requestedToUsed = Math.trunc(totalRequestedCpu / totalUsedCpu);
      const perPodRequested = totalRequestedCpu / startPods;
      const base = {
        minReplicas: 0,
        maxReplicas: 1000,
        specReplicas: startPods,
        statusReplicas: startPods,
        reportedLevels: Array<number>(startPods).fill(totalUsedCpu / 10),
        reportedCPURequests: [100, -100, 10, -10, 2, -2, 1, -1, 0, 0].map(
          jitter => `${perPodRequested + jitter}m`,
        ),
        recommendations: [],
      };

      it('breaches the tolerance', () => {
        const target = 1 / (requestedToUsed * (1 - 0.1)) + 0.01;
        const usedRatio = totalUsedCpu / (totalRequestedCpu * target);
        const testCase: ControllerCase = {
          ...base,
          name: 'breach',
          cpuTarget: Math.trunc(target * 100),
          expectedDesiredReplicas: Math.ceil(usedRatio * startPods),
        };
        expect(outcomeOf(testCase)).toEqual(expectedOutcome(testCase));
      });

      it('stays within the tolerance', () => {
        const target = 1 / (requestedToUsed * (1 - 0.1)) + 0.004;
        const testCase: ControllerCase = {
          ...base,
          name: 'within',
          cpuTarget: Math.trunc(target * 100),
          expectedDesiredReplicas: startPods,
          conditionOverrides: [readyForNewScale],
        };
        expect(outcomeOf(testCase)).toEqual(expectedOutcome(testCase));
      });
    });
  });

  describe('replica bounds', () => {
    it.each<ControllerCase>([
      {
        name: 'TestZeroReplicas',
        minReplicas: 3,
        maxReplicas: 5,
        specReplicas: 0,
        statusReplicas: 0,
        expectedDesiredReplicas: 0,
        cpuTarget: 90,
        reportedLevels: [],
        reportedCPURequests: [],
        expectedConditions: scalingInactive('ScalingDisabled'),
      },
      {
        name: 'TestTooFewReplicas',
        minReplicas: 3,
        maxReplicas: 5,
        specReplicas: 2,
        statusReplicas: 2,
        expectedDesiredReplicas: 3,
        cpuTarget: 90,
        reportedLevels: [],
        reportedCPURequests: [],
        expectedConditions: [['AbleToScale', 'True', 'SucceededRescale']],
      },
      {
        name: 'TestTooManyReplicas',
        minReplicas: 3,
        maxReplicas: 5,
        specReplicas: 10,
        statusReplicas: 10,
        expectedDesiredReplicas: 5,
        cpuTarget: 90,
        reportedLevels: [],
        reportedCPURequests: [],
        expectedConditions: [['AbleToScale', 'True', 'SucceededRescale']],
      },
      {
        name: 'TestScaleUpRCImmediately',
        minReplicas: 2,
        maxReplicas: 6,
        specReplicas: 1,
        statusReplicas: 1,
        expectedDesiredReplicas: 2,
        reportedLevels: [0, 0, 0, 0],
        reportedCPURequests: oneCore(4),
        expectedConditions: [['AbleToScale', 'True', 'SucceededRescale']],
      },
      {
        name: 'TestScaleDownRCImmediately',
        minReplicas: 2,
        maxReplicas: 5,
        specReplicas: 6,
        statusReplicas: 6,
        expectedDesiredReplicas: 5,
        cpuTarget: 50,
        reportedLevels: [8000, 9500, 1000],
        reportedCPURequests: ['0.9', '1.0', '1.1'],
        expectedConditions: [['AbleToScale', 'True', 'SucceededRescale']],
      },
    ])('$name', testCase => {
      expect(outcomeOf(testCase)).toEqual(expectedOutcome(testCase));
    });
  });

  describe('invalid metrics', () => {
    it.each<ControllerCase>([
      {
        name: 'TestScaleUpOneMetricInvalid',
        minReplicas: 2,
        maxReplicas: 6,
        specReplicas: 3,
        statusReplicas: 3,
        expectedDesiredReplicas: 4,
        cpuTarget: 30,
        expectedCpuUtilization: 40,
        metrics: [cheddarCheese],
        reportedLevels: [300, 400, 500],
        reportedCPURequests: oneCore(3),
      },
      {
        name: 'TestScaleUpFromZeroOneMetricInvalid',
        minReplicas: 0,
        maxReplicas: 6,
        specReplicas: 0,
        statusReplicas: 0,
        expectedDesiredReplicas: 4,
        cpuTarget: 30,
        expectedCpuUtilization: 40,
        metrics: [cheddarCheese],
        reportedLevels: [300, 400, 500],
        reportedCPURequests: oneCore(3),
        recommendations: [],
      },
      {
        name: 'TestScaleUpBothMetricsEmpty',
        minReplicas: 2,
        maxReplicas: 6,
        specReplicas: 3,
        statusReplicas: 3,
        expectedDesiredReplicas: 3,
        metrics: [cheddarCheese],
        reportedLevels: [],
        reportedCPURequests: oneCore(3),
        expectedConditions: scalingInactive('InvalidMetricSourceType'),
      },
      {
        name: 'TestConditionInvalidSourceType',
        minReplicas: 2,
        maxReplicas: 6,
        specReplicas: 3,
        statusReplicas: 3,
        expectedDesiredReplicas: 3,
        metrics: [cheddarCheese],
        reportedLevels: [20000],
        expectedConditions: scalingInactive('InvalidMetricSourceType'),
      },
      {
        name: 'TestEmptyMetrics',
        minReplicas: 2,
        maxReplicas: 6,
        specReplicas: 4,
        statusReplicas: 4,
        expectedDesiredReplicas: 4,
        cpuTarget: 100,
        reportedLevels: [],
        reportedCPURequests: oneCore(4),
        expectedConditions: scalingInactive('FailedGetResourceMetric'),
      },
      {
        // Upstream's fake lists no pods at all for an empty request list.
        name: 'TestEmptyCPURequest',
        minReplicas: 1,
        maxReplicas: 5,
        specReplicas: 1,
        statusReplicas: 1,
        expectedDesiredReplicas: 1,
        cpuTarget: 100,
        reportedLevels: [200],
        reportedCPURequests: [],
        expectedConditions: scalingInactive('FailedGetResourceMetric'),
      },
      {
        name: 'TestScaleUpOneMetricEmpty',
        minReplicas: 2,
        maxReplicas: 6,
        specReplicas: 3,
        statusReplicas: 3,
        expectedDesiredReplicas: 4,
        cpuTarget: 30,
        expectedCpuUtilization: 40,
        metrics: [externalQps({ type: 'Value', value: '100m' })],
        reportedLevels: [300, 400, 500],
        reportedCPURequests: oneCore(3),
        failingApis: ['external'],
      },
      {
        name: 'TestNoScaleDownOneMetricInvalid',
        minReplicas: 2,
        maxReplicas: 6,
        specReplicas: 5,
        statusReplicas: 5,
        expectedDesiredReplicas: 5,
        cpuTarget: 50,
        metrics: [cheddarCheese],
        reportedLevels: [100, 300, 500, 250, 250],
        reportedCPURequests: oneCore(5),
        recommendations: [],
        expectedConditions: scalingInactive('InvalidMetricSourceType'),
      },
      {
        name: 'TestNoScaleDownOneMetricEmpty',
        minReplicas: 2,
        maxReplicas: 6,
        specReplicas: 5,
        statusReplicas: 5,
        expectedDesiredReplicas: 5,
        cpuTarget: 50,
        metrics: [externalQps({ type: 'Value', value: '1000m' })],
        reportedLevels: [100, 300, 500, 250, 250],
        reportedCPURequests: oneCore(5),
        recommendations: [],
        failingApis: ['external'],
        expectedConditions: scalingInactive('FailedGetExternalMetric'),
      },
    ])('$name', testCase => {
      expect(outcomeOf(testCase)).toEqual(expectedOutcome(testCase));
    });

    // TestConditionFailedGetMetrics: every metrics API fails.
    it.each<[string, Partial<ControllerCase>]>([
      ['FailedGetResourceMetric', { cpuTarget: 10 }],
      ['FailedGetPodsMetric', { metrics: [podsQps('15.0')] }],
      [
        'FailedGetObjectMetric',
        { metrics: [objectQps({ type: 'Value', value: '15.0' })] },
      ],
      [
        'FailedGetExternalMetric',
        { metrics: [externalQps({ type: 'Value', value: '300m' })] },
      ],
    ])('TestConditionFailedGetMetrics: %s', (reason, metricSpecs) => {
      const testCase: ControllerCase = {
        name: reason,
        minReplicas: 1,
        maxReplicas: 100,
        specReplicas: 3,
        statusReplicas: 3,
        expectedDesiredReplicas: 3,
        reportedLevels: [100, 200, 300],
        reportedCPURequests: ['0.1', '0.1', '0.1'],
        failingApis: ['resource', 'pods', 'object', 'external'],
        expectedConditions: scalingInactive(reason),
        ...metricSpecs,
      };
      expect(outcomeOf(testCase)).toEqual(expectedOutcome(testCase));
    });

    it('reports why metrics failed, and keeps an empty status in their place', () => {
      const result = evaluate({
        name: 'TestScaleUpOneMetricEmpty',
        minReplicas: 2,
        maxReplicas: 6,
        specReplicas: 3,
        statusReplicas: 3,
        expectedDesiredReplicas: 4,
        cpuTarget: 30,
        metrics: [externalQps({ type: 'Value', value: '100m' })],
        reportedLevels: [300, 400, 500],
        reportedCPURequests: oneCore(3),
        failingApis: ['external'],
      });
      expect(result.error).toBe(
        'invalid metrics (1 invalid out of 2), first error is: failed to get qps external metric value: ' +
          'unable to get external metric qps: no metrics returned from external metrics API',
      );
      expect(result.metricStatuses).toEqual([
        {
          type: 'Resource',
          resource: {
            name: 'cpu',
            current: { averageUtilization: 40, averageValue: '400m' },
          },
        },
        { type: '' },
      ]);
    });
  });
});
