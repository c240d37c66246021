import { autoscalerState, targetsWorkload } from './autoscalerState';
import { HorizontalPodAutoscalerObject } from './kubernetesObjects';

const hpa: HorizontalPodAutoscalerObject = {
  metadata: { name: 'order-service', namespace: 'meschain-sync' },
  spec: {
    scaleTargetRef: {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Rollout',
      name: 'order-service',
    },
    minReplicas: 3,
    maxReplicas: 25,
    metrics: [
      {
        type: 'Resource',
        resource: {
          name: 'cpu',
          target: { type: 'Utilization', averageUtilization: 70 },
        },
      },
      {
        type: 'External',
        external: {
          metric: {
            name: 'queue_length',
            selector: { matchLabels: { queue: 'orders' } },
          },
          target: { type: 'AverageValue', averageValue: '30' },
        },
      },
      {
        type: 'Object',
        object: {
          describedObject: {
            apiVersion: 'v1',
            kind: 'Service',
            name: 'order-service',
          },
          metric: { name: 'http_request_duration_p95_seconds' },
          target: { type: 'Value', value: '500m' },
        },
      },
    ],
    behavior: {
      scaleDown: {
        stabilizationWindowSeconds: 300,
        policies: [{ type: 'Percent', value: 30, periodSeconds: 60 }],
        // A quantity written as a bare number in YAML may come back as a number.
        tolerance: 0.1 as unknown as string,
      },
    },
  },
  status: {
    currentReplicas: 4,
    desiredReplicas: 5,
    lastScaleTime: '2025-01-06T00:00:30Z',
    // Out of spec order, with one metric the controller could not compute.
    currentMetrics: [
      {
        type: 'Object',
        object: {
          describedObject: {
            apiVersion: 'v1',
            kind: 'Service',
            name: 'order-service',
          },
          metric: { name: 'http_request_duration_p95_seconds' },
          current: { value: '138m' },
        },
      },
      { type: '' },
      {
        type: 'Resource',
        resource: {
          name: 'cpu',
          current: { averageUtilization: 82, averageValue: '328m' },
        },
      },
    ],
    conditions: [
      {
        type: 'ScalingActive',
        status: 'True',
        reason: 'ValidMetricFound',
        message: 'the HPA was able to successfully calculate a replica count',
        lastTransitionTime: '2025-01-06T00:00:30Z',
      },
    ],
  },
};

describe('targetsWorkload', () => {
  const rollout = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    name: 'order-service',
    namespace: 'meschain-sync',
  };

  it('matches the workload its scaleTargetRef names', () => {
    expect(targetsWorkload(hpa, rollout)).toBe(true);
  });

  it('does not match a workload of the same name in another namespace, kind or API group', () => {
    expect(targetsWorkload(hpa, { ...rollout, namespace: 'staging' })).toBe(
      false,
    );
    expect(
      targetsWorkload(hpa, {
        ...rollout,
        kind: 'Deployment',
        apiVersion: 'apps/v1',
      }),
    ).toBe(false);
    expect(
      targetsWorkload(hpa, { ...rollout, apiVersion: 'example.com/v1' }),
    ).toBe(false);
  });

  it('ignores the version within the same group', () => {
    expect(
      targetsWorkload(hpa, { ...rollout, apiVersion: 'argoproj.io/v1beta1' }),
    ).toBe(true);
  });
});

describe('autoscalerState', () => {
  it("sets each metric's current value next to its target, matching by identity rather than position", () => {
    const state = autoscalerState(hpa);

    expect(state.metrics).toEqual([
      {
        type: 'Resource',
        name: 'cpu',
        target: { type: 'Utilization', averageUtilization: 70 },
        current: { averageUtilization: 82, averageValue: '328m' },
      },
      {
        type: 'External',
        name: 'queue_length',
        target: { type: 'AverageValue', averageValue: '30' },
      },
      {
        type: 'Object',
        name: 'http_request_duration_p95_seconds',
        describedObject: {
          apiVersion: 'v1',
          kind: 'Service',
          name: 'order-service',
        },
        target: { type: 'Value', value: '500m' },
        current: { value: '138m' },
      },
    ]);
  });

  it('reports bounds, replicas, behavior and conditions as the HPA states them', () => {
    expect(autoscalerState(hpa)).toMatchObject({
      name: 'order-service',
      minReplicas: 3,
      maxReplicas: 25,
      currentReplicas: 4,
      desiredReplicas: 5,
      lastScaleTime: '2025-01-06T00:00:30Z',
      behavior: {
        scaleDown: {
          stabilizationWindowSeconds: 300,
          policies: [{ type: 'Percent', value: 30, periodSeconds: 60 }],
          tolerance: '0.1',
        },
      },
      conditions: hpa.status?.conditions,
    });
  });

  it('applies the API defaults of an HPA the controller has not processed yet', () => {
    const fresh = autoscalerState({
      ...hpa,
      spec: { ...hpa.spec, minReplicas: undefined },
      status: undefined,
    });

    expect(fresh).toMatchObject({
      minReplicas: 1,
      currentReplicas: 0,
      desiredReplicas: 0,
      conditions: [],
    });
    expect(fresh.metrics.every(metric => metric.current === undefined)).toBe(
      true,
    );
  });
});

describe('autoscalerState: the live policy', () => {
  it('reads the policy the HPA expresses, thresholds from its annotation included, and lists what the policy cannot hold', () => {
    const state = autoscalerState({
      ...hpa,
      metadata: {
        ...hpa.metadata,
        annotations: { 'meschain.io/scale-down-below': 'cpu=40' },
      },
    });

    expect(state.policy?.policy).toMatchObject({
      minReplicas: 3,
      maxReplicas: 25,
      targets: expect.arrayContaining([
        { kind: 'cpu', averageUtilization: 70, scaleDownBelow: 40 },
        expect.objectContaining({
          kind: 'custom',
          metric: 'queue_length',
          source: 'External',
          value: 30,
          perPod: true,
          selector: { matchLabels: { queue: 'orders' } },
        }),
      ]),
    });
    // The behavior tolerance is feature-gated: applying the policy would drop it.
    expect(state.policy?.unsupported).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'spec.behavior.scaleDown.tolerance' }),
      ]),
    );
  });
});
