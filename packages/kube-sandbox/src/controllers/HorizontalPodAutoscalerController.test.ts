import type { SandboxCluster } from '../cluster/types';
import { createSimulation, type SandboxSimulation } from '.';
import type { Deployment, EventObject, HorizontalPodAutoscaler } from './kinds';
import {
  addNodes,
  createTestCluster,
  deploymentManifest,
  runFor,
  testClusterSpec,
} from './testing';

/**
 * The load is flat (no diurnal swing, noise or incidents) so the figures can be worked out by hand.
 * The `order` service is calibrated for 4 replicas at 85 % of a 500m request: each pod idles at
 * 50m and the service's traffic adds 4 × 375m = 1.5 cores, split over its ready pods.
 */
const ORDER = {
  name: 'order',
  image: 'meschain/order:1.0.0',
  replicas: 4,
  strategy: 'rolling' as const,
  scaling: 'cpu' as const,
  resources: { requests: { cpu: '500m', memory: '512Mi' } },
  load: { peakRps: 400, baseRps: 400, incidentRate: 0 },
};

function cpuHpa(minReplicas = 2): HorizontalPodAutoscaler {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'order', namespace: 'meschain' },
    spec: {
      scaleTargetRef: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: 'order',
      },
      minReplicas,
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
      // With a behavior, scale-up may double or add 4 pods per 15 s (without one, the legacy limit
      // of max(2 × current, 4) would stop the first step at 4).
      behavior: { scaleDown: { stabilizationWindowSeconds: 300 } },
    },
  };
}

describe('HorizontalPodAutoscaler controller', () => {
  let cluster: SandboxCluster;
  let simulation: SandboxSimulation;

  beforeEach(() => {
    cluster = createTestCluster(testClusterSpec({ services: [ORDER] }));
    addNodes(cluster, 4);
    simulation = createSimulation({
      podReadyDelayMs: 5_000,
      load: { noise: 0, incidentRate: 0, podImbalance: 0 },
    })(cluster);
    cluster.store.create(
      'deployments.apps',
      deploymentManifest('order', {
        replicas: 2,
        cpu: '500m',
        memory: '512Mi',
      }),
    );
    // Ready for longer than the HPA's 15 s metric window, so no pod counts as still starting.
    runFor(cluster, simulation, 30);
  });

  afterEach(() => simulation.dispose?.());

  const replicas = () =>
    (
      cluster.store.mustGet(
        'deployments.apps',
        'meschain',
        'order',
      ) as Deployment
    ).spec.replicas;
  const hpa = () =>
    cluster.store.mustGet(
      'horizontalpodautoscalers.autoscaling',
      'meschain',
      'order',
    ) as HorizontalPodAutoscaler;
  const rescales = () =>
    cluster.store.list('events', {
      namespace: 'meschain',
      fieldSelector: 'reason=SuccessfulRescale',
    }).items as EventObject[];

  it('scales a deployment up under load and records SuccessfulRescale', () => {
    cluster.store.create('horizontalpodautoscalers.autoscaling', cpuHpa());
    // A new HPA is first evaluated two sync periods (30 s) after it is created.
    runFor(cluster, simulation, 29);
    expect(replicas()).toBe(2);
    runFor(cluster, simulation, 1);

    // Two pods at 50m + 1500m / 2 = 800m of 500m: 160 % against a 70 % target → ceil(2 × 160 / 70) = 5.
    expect(replicas()).toBe(5);
    const [event] = rescales();
    expect(event).toMatchObject({
      type: 'Normal',
      reason: 'SuccessfulRescale',
      message:
        'New size: 5; reason: cpu resource utilization (percentage of request) above target',
      involvedObject: {
        kind: 'HorizontalPodAutoscaler',
        name: 'order',
        namespace: 'meschain',
      },
      source: { component: 'horizontal-pod-autoscaler' },
    });
    expect(hpa().status).toMatchObject({
      currentReplicas: 2,
      desiredReplicas: 5,
      lastScaleTime: cluster.clock.timestamp(),
      currentMetrics: [
        {
          type: 'Resource',
          resource: {
            name: 'cpu',
            current: { averageUtilization: 160, averageValue: '800m' },
          },
        },
      ],
    });
    expect(hpa().status?.conditions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'AbleToScale',
          status: 'True',
          reason: 'SucceededRescale',
        }),
        expect.objectContaining({
          type: 'ScalingActive',
          status: 'True',
          reason: 'ValidMetricFound',
        }),
      ]),
    );

    // Five pods at 50m + 1500m / 5 = 350m: 70 %, on target, so the HPA holds.
    runFor(cluster, simulation, 60);
    expect(replicas()).toBe(5);
    expect(rescales()).toHaveLength(1);
    expect(hpa().status).toMatchObject({
      currentReplicas: 5,
      desiredReplicas: 5,
    });
  });

  it("writes the status kube-controller-manager writes: the scale's spec replicas, no observedGeneration", () => {
    cluster.store.create('horizontalpodautoscalers.autoscaling', cpuHpa());
    runFor(cluster, simulation, 29);
    // Scaled by hand just before the first evaluation, while the Deployment still runs 2 pods.
    cluster.store.modify('deployments.apps', 'meschain', 'order', draft => {
      (draft as Deployment).spec.replicas = 3;
    });
    runFor(cluster, simulation, 1);

    expect(replicas()).toBe(5);
    expect(hpa().status).toMatchObject({
      currentReplicas: 3,
      desiredReplicas: 5,
    });
    expect(hpa().status).not.toHaveProperty('observedGeneration');
  });

  it('gives up, as kube-controller-manager does, while every pod is within a metric window of turning Ready', () => {
    cluster.store.create('horizontalpodautoscalers.autoscaling', cpuHpa());
    runFor(cluster, simulation, 60);
    expect(replicas()).toBe(5);
    // Every pod replaced at once: the new ones turn Ready 5 s later, and their CPU samples count
    // only once a 15 s metric window has passed since.
    for (const pod of cluster.store.list('pods', { namespace: 'meschain' })
      .items)
      cluster.store.delete('pods', 'meschain', pod.metadata.name);
    runFor(cluster, simulation, 16);

    const cause =
      'failed to get cpu utilization: did not receive metrics for targeted pods (pods might be unready)';
    const warnings = cluster.store.list('events', {
      namespace: 'meschain',
      fieldSelector: 'type=Warning',
    }).items as EventObject[];
    // What the real controller records for the same case: the metric's failure, then that it
    // could not compute a replica count.
    expect(warnings.map(e => [e.reason, e.message])).toEqual([
      ['FailedGetResourceMetric', cause],
      [
        'FailedComputeMetricsReplicas',
        `invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: ${cause}`,
      ],
    ]);
    expect(hpa().status).toMatchObject({
      currentReplicas: 5,
      desiredReplicas: 5,
      currentMetrics: [{ type: '' }],
    });
    expect(
      hpa().status?.conditions?.find(c => c.type === 'ScalingActive'),
    ).toMatchObject({
      status: 'False',
      reason: 'FailedGetResourceMetric',
      message: `the HPA was unable to compute the replica count: ${cause}`,
    });

    runFor(cluster, simulation, 15);
    expect(
      hpa().status?.conditions?.find(c => c.type === 'ScalingActive'),
    ).toMatchObject({ status: 'True', reason: 'ValidMetricFound' });
  });

  it('waits for the scale-down stabilization window before shrinking', () => {
    cluster.store.create('horizontalpodautoscalers.autoscaling', cpuHpa());
    runFor(cluster, simulation, 60);
    expect(replicas()).toBe(5);

    // Traffic drops to a quarter: 50m + 375m / 5 = 125m, 25 % → the metric alone asks for 2.
    const lullStart = cluster.clock.now();
    simulation.load.addSurge({
      service: 'order',
      start: lullStart,
      end: lullStart + 3_600_000,
      factor: 0.25,
    });

    // The default 300 s window keeps the highest recommendation of the last five minutes (5).
    runFor(cluster, simulation, 285);
    expect(replicas()).toBe(5);

    runFor(cluster, simulation, 30);
    expect(replicas()).toBe(2);
    expect(rescales().map(e => e.message)).toEqual([
      'New size: 5; reason: cpu resource utilization (percentage of request) above target',
      'New size: 2; reason: All metrics below target',
    ]);
  });
});
