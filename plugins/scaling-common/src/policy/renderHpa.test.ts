import { DEFAULT_SCALING_PRESETS } from './presets';
import { renderHorizontalPodAutoscaler } from './renderHpa';
import type {
  HorizontalPodAutoscaler,
  ScaleTargetWorkload,
  ScalingPolicy,
} from './types';

function presetPolicy(name: string): ScalingPolicy {
  const preset = DEFAULT_SCALING_PRESETS.find(p => p.name === name);
  if (!preset) {
    throw new Error(`no preset ${name}`);
  }
  return preset.policy;
}

const MONITORING: ScaleTargetWorkload = {
  kind: 'Deployment',
  name: 'monitoring-service',
  namespace: 'meschain-sync',
};

const MARKETPLACE: ScaleTargetWorkload = {
  kind: 'Rollout',
  name: 'marketplace-service',
  namespace: 'meschain-sync',
};

const MANAGED = { 'app.kubernetes.io/managed-by': 'meschain-scaling' };

describe('renderHorizontalPodAutoscaler', () => {
  it('renders the CPU preset with its threshold as scale-down behavior', () => {
    const hpa = renderHorizontalPodAutoscaler({
      policy: presetPolicy('cpu'),
      workload: MONITORING,
      labels: { 'backstage.io/kubernetes-id': 'monitoring-service' },
    });

    expect(hpa).toEqual<HorizontalPodAutoscaler>({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: {
        name: 'monitoring-service',
        namespace: 'meschain-sync',
        labels: {
          'backstage.io/kubernetes-id': 'monitoring-service',
          ...MANAGED,
        },
        annotations: { 'meschain.io/scale-down-below': 'cpu=30' },
      },
      spec: {
        scaleTargetRef: {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: 'monitoring-service',
        },
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
        behavior: {
          scaleDown: {
            stabilizationWindowSeconds: 300,
            policies: [{ type: 'Percent', value: 30, periodSeconds: 60 }],
          },
        },
      },
    });
  });

  it('renders the memory preset', () => {
    const hpa = renderHorizontalPodAutoscaler({
      policy: presetPolicy('memory'),
      workload: { ...MONITORING, name: 'analytics-service' },
    });

    expect(hpa).toEqual<HorizontalPodAutoscaler>({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: {
        name: 'analytics-service',
        namespace: 'meschain-sync',
        labels: MANAGED,
        annotations: { 'meschain.io/scale-down-below': 'memory=40' },
      },
      spec: {
        scaleTargetRef: {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: 'analytics-service',
        },
        minReplicas: 2,
        maxReplicas: 15,
        metrics: [
          {
            type: 'Resource',
            resource: {
              name: 'memory',
              target: { type: 'Utilization', averageUtilization: 80 },
            },
          },
        ],
        behavior: {
          scaleDown: {
            stabilizationWindowSeconds: 300,
            policies: [{ type: 'Percent', value: 40, periodSeconds: 60 }],
          },
        },
      },
    });
  });

  it('renders the requests preset as two Pods metrics on a Rollout', () => {
    const hpa = renderHorizontalPodAutoscaler({
      policy: presetPolicy('requests'),
      workload: { ...MARKETPLACE, name: 'order-service' },
    });

    expect(hpa).toEqual<HorizontalPodAutoscaler>({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: {
        name: 'order-service',
        namespace: 'meschain-sync',
        labels: MANAGED,
      },
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
            type: 'Pods',
            pods: {
              metric: { name: 'http_requests_per_minute' },
              target: { type: 'AverageValue', averageValue: '1k' },
            },
          },
          {
            type: 'Pods',
            pods: {
              metric: { name: 'http_request_duration_p95_seconds' },
              target: { type: 'AverageValue', averageValue: '500m' },
            },
          },
        ],
      },
    });
  });

  it('renders the custom preset with Object metrics of the scaled workload', () => {
    const hpa = renderHorizontalPodAutoscaler({
      policy: presetPolicy('custom'),
      workload: MARKETPLACE,
    });
    const rollout = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Rollout',
      name: 'marketplace-service',
    };

    expect(hpa).toEqual<HorizontalPodAutoscaler>({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: {
        name: 'marketplace-service',
        namespace: 'meschain-sync',
        labels: MANAGED,
      },
      spec: {
        scaleTargetRef: rollout,
        minReplicas: 2,
        maxReplicas: 20,
        metrics: [
          {
            type: 'Object',
            object: {
              describedObject: rollout,
              metric: { name: 'queue_length' },
              target: { type: 'AverageValue', averageValue: '30' },
            },
          },
          {
            type: 'Pods',
            pods: {
              metric: { name: 'db_connections' },
              target: { type: 'AverageValue', averageValue: '20' },
            },
          },
          {
            type: 'Object',
            object: {
              describedObject: rollout,
              metric: { name: 'marketplace_api_latency_ms' },
              target: { type: 'Value', value: '800' },
            },
          },
        ],
      },
    });
  });

  it('renders External metrics with their selector, and fractional values as quantities', () => {
    const hpa = renderHorizontalPodAutoscaler({
      policy: {
        minReplicas: 1,
        maxReplicas: 10,
        targets: [
          {
            kind: 'custom',
            metric: 'queue_length',
            source: 'External',
            perPod: true,
            value: 2.5,
            selector: { matchLabels: { queue: 'notifications' } },
          },
        ],
      },
      workload: MONITORING,
      name: 'notification-queue',
    });

    expect(hpa.metadata.name).toBe('notification-queue');
    expect(hpa.spec.metrics).toEqual([
      {
        type: 'External',
        external: {
          metric: {
            name: 'queue_length',
            selector: { matchLabels: { queue: 'notifications' } },
          },
          target: { type: 'AverageValue', averageValue: '2500m' },
        },
      },
    ]);
  });

  it('sets the down-rate from the lowest threshold, since behavior is shared by all metrics', () => {
    const hpa = renderHorizontalPodAutoscaler({
      policy: {
        minReplicas: 2,
        maxReplicas: 10,
        targets: [
          { kind: 'memory', averageUtilization: 80, scaleDownBelow: 40 },
          { kind: 'cpu', averageUtilization: 70, scaleDownBelow: 30 },
        ],
      },
      workload: MONITORING,
    });

    expect(hpa.metadata.annotations).toEqual({
      'meschain.io/scale-down-below': 'memory=40,cpu=30',
    });
    expect(hpa.spec.behavior?.scaleDown?.policies).toEqual([
      { type: 'Percent', value: 30, periodSeconds: 60 },
    ]);
  });

  it('lets each field of a behavior override win over the derived behavior', () => {
    const hpa = renderHorizontalPodAutoscaler({
      policy: {
        ...presetPolicy('cpu'),
        behavior: {
          scaleUp: {
            policies: [{ type: 'Pods', value: 2, periodSeconds: 60 }],
          },
          scaleDown: { stabilizationWindowSeconds: 900 },
        },
      },
      workload: MONITORING,
    });

    expect(hpa.spec.behavior).toEqual({
      scaleUp: { policies: [{ type: 'Pods', value: 2, periodSeconds: 60 }] },
      scaleDown: {
        stabilizationWindowSeconds: 900,
        policies: [{ type: 'Percent', value: 30, periodSeconds: 60 }],
      },
    });
  });

  it('keeps the managed-by label even when the caller passes another', () => {
    const hpa = renderHorizontalPodAutoscaler({
      policy: presetPolicy('cpu'),
      workload: MONITORING,
      labels: { 'app.kubernetes.io/managed-by': 'helm' },
    });

    expect(hpa.metadata.labels).toEqual(MANAGED);
  });
});
