/**
 * The what-if replay against the sandbox: a day of the sandbox's own load,
 * recorded once a minute, replayed through `replayPolicy`, must give the
 * replica sequence the sandbox's HPA controller produced.
 */
import {
  fitPredictiveSchedule,
  hpaLeadTimeSeconds,
  HorizontalPodAutoscalerSpec,
  LoadSample,
  replayPolicy,
  ReplayInput,
  ReplicaFloorStep,
} from '@meschain/backstage-plugin-scaling-common';
import type { SandboxCluster } from '../cluster/types';
import { createSimulation, type SandboxSimulation } from '.';
import type { Deployment, HorizontalPodAutoscaler } from './kinds';
import {
  addNodes,
  createTestCluster,
  deploymentManifest,
  testClusterSpec,
} from './testing';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const SYNC = 15 * SECOND;
const STEP = 5 * SECOND;
const POD_READY_DELAY = 5 * SECOND;

/** Calibrated for 10 replicas at 85 % of a 500m request at the daily peak; idles at 50m a pod. */
const ORDER = {
  name: 'order',
  image: 'meschain/order:1.0.0',
  replicas: 10,
  strategy: 'rolling' as const,
  scaling: 'cpu' as const,
  resources: { requests: { cpu: '500m', memory: '512Mi' } },
  load: { peakRps: 2000, baseRps: 300, incidentRate: 0 },
};

const POLICY: HorizontalPodAutoscalerSpec = {
  scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'order' },
  minReplicas: 2,
  maxReplicas: 30,
  metrics: [
    {
      type: 'Resource',
      resource: {
        name: 'cpu',
        target: { type: 'Utilization', averageUtilization: 70 },
      },
    },
  ],
  behavior: {
    scaleUp: {
      stabilizationWindowSeconds: 30,
      policies: [{ type: 'Pods', value: 3, periodSeconds: 60 }],
    },
    scaleDown: { stabilizationWindowSeconds: 300 },
  },
};

interface Rescale {
  at: number;
  replicas: number;
}

interface RecordedDay {
  /** The first sync of the HPA: the replay starts there. */
  start: number;
  load: LoadSample[];
  rescales: Rescale[];
  workload: ReplayInput['workload'];
}

/**
 * Runs the sandbox for a day under `POLICY`, recording each minute the
 * traffic the service received (what a Prometheus rate of its requests reads)
 * and each replica count its HPA set.
 */
function recordDay(): RecordedDay {
  const cluster: SandboxCluster = createTestCluster(
    testClusterSpec({ services: [ORDER] }),
  );
  addNodes(cluster, 6);
  // The replay spreads traffic evenly over the ready pods; so does this sandbox.
  const simulation: SandboxSimulation = createSimulation({
    podReadyDelayMs: POD_READY_DELAY,
    load: { podImbalance: 0 },
  })(cluster);
  const tick = () => simulation.tick(cluster.clock.advance(STEP));
  const replicas = () =>
    (
      cluster.store.mustGet(
        'deployments.apps',
        'meschain',
        'order',
      ) as Deployment
    ).spec.replicas!;

  cluster.store.create(
    'deployments.apps',
    deploymentManifest('order', { replicas: 2, cpu: '500m', memory: '512Mi' }),
  );
  for (let i = 0; i < 6; i++) tick();
  const hpa: HorizontalPodAutoscaler = {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'order', namespace: 'meschain' },
    spec: POLICY,
  };
  cluster.store.create('horizontalpodautoscalers.autoscaling', hpa);
  // A new HPA is first evaluated two sync periods after it is created.
  const start = cluster.clock.now() + 2 * SYNC;
  const profile = simulation.load.profile('order');
  const load: LoadSample[] = [];
  const rescales: Rescale[] = [];
  let last = replicas();
  while (cluster.clock.now() < start - STEP) tick();
  for (let now = start; now <= start + 24 * HOUR; now += STEP) {
    simulation.tick(cluster.clock.advance(now - cluster.clock.now()));
    if ((now - start) % MINUTE === 0) {
      const { requestsPerSecond } = simulation.load.serviceLoad('order', now);
      load.push({
        at: now,
        cpuMillicores: profile.cpuCoresPerRps * requestsPerSecond * 1000,
        requestsPerSecond,
      });
    }
    if (replicas() !== last) {
      last = replicas();
      rescales.push({ at: now, replicas: last });
    }
  }
  simulation.dispose?.();
  return {
    start,
    load,
    rescales,
    workload: {
      cpuRequestMillicores: 500,
      idleCpuMillicores: profile.idleCpuCores * 1000,
      cpuCapacityMillicores: profile.cpuCapacityCores * 1000,
      baseLatencyMs: profile.baseLatencyMs,
    },
  };
}

function replay(day: RecordedDay, overrides: Partial<ReplayInput> = {}) {
  return replayPolicy({
    load: day.load,
    policy: POLICY,
    workload: day.workload,
    initialReplicas: 2,
    podStartupSeconds: POD_READY_DELAY / SECOND,
    pricing: { perReplicaHour: 0.02, currency: 'USD' },
    ...overrides,
  });
}

describe('what-if replay of a recorded sandbox day', () => {
  let day: RecordedDay;

  beforeAll(() => {
    day = recordDay();
  });

  it('reproduces the replica sequence of the sandbox HPA within one sync period', () => {
    const result = replay(day);
    const replayed = result.scaleEvents.map(e => ({
      at: e.at,
      replicas: e.to,
    }));
    // A day of diurnal load moves the service up in the morning and down at night.
    expect(day.rescales.length).toBeGreaterThan(10);
    expect(replayed.map(r => r.replicas)).toEqual(
      day.rescales.map(r => r.replicas),
    );
    replayed.forEach((rescale, i) => {
      expect(Math.abs(rescale.at - day.rescales[i].at)).toBeLessThanOrEqual(
        SYNC,
      );
    });
  });

  it('shows more time above target under a stricter policy', () => {
    const own = replay(day);
    const stricter = replay(day, {
      policy: {
        ...POLICY,
        behavior: {
          ...POLICY.behavior,
          scaleUp: {
            stabilizationWindowSeconds: 300,
            policies: [{ type: 'Pods', value: 1, periodSeconds: 120 }],
          },
        },
      },
    });
    expect(stricter.minutesAboveTarget).toBeGreaterThan(own.minutesAboveTarget);
  });

  it('spends less time above target with the predictive schedule fitted to the load', () => {
    const own = replay(day);
    const floors = fitFloorSchedule(day, 70);
    const scheduled = replay(day, { floorSchedule: floors });
    expect(floors.length).toBeGreaterThan(3);
    expect(scheduled.minutesAboveTarget).toBeLessThan(own.minutesAboveTarget);
  });
});

/**
 * The product's predictive schedule, fitted to the recorded day itself: each
 * hour's busiest minute is the forecast's upper band, the mean its value.
 */
function fitFloorSchedule(
  day: RecordedDay,
  targetUtilization: number,
): ReplicaFloorStep[] {
  const { workload } = day;
  const forecast = [];
  for (let hour = day.start; hour < day.start + 24 * HOUR; hour += HOUR) {
    const minutes = day.load
      .filter(s => s.at >= hour && s.at < hour + HOUR)
      .map(s => s.cpuMillicores);
    forecast.push({
      at: hour,
      value: minutes.reduce((sum, m) => sum + m, 0) / minutes.length,
      upper: Math.max(...minutes),
    });
  }
  return fitPredictiveSchedule({
    forecast,
    // The recorded load leaves out the pods' idle use; the fitter sizes on what is left of a pod.
    cpuRequestMillicores:
      workload.cpuRequestMillicores -
      ((workload.idleCpuMillicores ?? 0) * 100) / targetUtilization,
    targetUtilization,
    minReplicas: POLICY.minReplicas!,
    maxReplicas: POLICY.maxReplicas,
    leadTimeSeconds: hpaLeadTimeSeconds({
      podStartupSeconds: POD_READY_DELAY / SECOND,
      scaleUpStabilizationSeconds:
        POLICY.behavior?.scaleUp?.stabilizationWindowSeconds,
    }),
  }).steps;
}
