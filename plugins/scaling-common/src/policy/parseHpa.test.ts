import { serverReturned } from './__testUtils__/serverReturned';
import { parseHorizontalPodAutoscaler } from './parseHpa';
import { DEFAULT_SCALING_PRESETS } from './presets';
import { renderHorizontalPodAutoscaler } from './renderHpa';
import type {
  HorizontalPodAutoscaler,
  ScaleTargetWorkload,
  ScalingPolicy,
} from './types';

const WORKLOAD: ScaleTargetWorkload = {
  kind: 'Rollout',
  name: 'marketplace-service',
  namespace: 'meschain-sync',
};

const EVERY_OPTION: ScalingPolicy = {
  minReplicas: 2,
  maxReplicas: 12,
  targets: [
    { kind: 'cpu', averageUtilization: 70, scaleDownBelow: 30 },
    { kind: 'memory', averageUtilization: 80, scaleDownBelow: 40 },
    { kind: 'requests', requestsPerMinutePerReplica: 600 },
    {
      kind: 'custom',
      metric: 'queue_length',
      source: 'External',
      perPod: true,
      value: 12.5,
      selector: { matchLabels: { queue: 'marketplace-sync' } },
    },
    {
      kind: 'custom',
      metric: 'marketplace_api_latency_ms',
      source: 'Object',
      perPod: false,
      value: 800,
      describedObject: {
        apiVersion: 'v1',
        kind: 'Service',
        name: 'marketplace-service',
      },
    },
  ],
  behavior: {
    scaleUp: {
      stabilizationWindowSeconds: 60,
      policies: [{ type: 'Pods', value: 2, periodSeconds: 60 }],
    },
    scaleDown: { selectPolicy: 'Min' },
  },
};

const POLICIES: Array<[string, ScalingPolicy]> = [
  ...DEFAULT_SCALING_PRESETS.map((p): [string, ScalingPolicy] => [
    `the ${p.name} preset`,
    p.policy,
  ]),
  ['a policy using every option', EVERY_OPTION],
];

/** An HPA as another tool might have written it, around the given metrics. */
function foreignHpa(
  spec: Partial<HorizontalPodAutoscaler['spec']>,
): HorizontalPodAutoscaler {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'order-service', namespace: 'meschain-sync' },
    spec: {
      scaleTargetRef: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: 'order-service',
      },
      maxReplicas: 10,
      ...spec,
    },
  };
}

describe('parseHorizontalPodAutoscaler', () => {
  it.each(POLICIES)('reads back %s from its rendered HPA', (_, policy) => {
    const hpa = renderHorizontalPodAutoscaler({ policy, workload: WORKLOAD });

    expect(parseHorizontalPodAutoscaler(hpa)).toEqual({
      policy,
      unsupported: [],
    });
  });

  it.each(POLICIES)(
    'reads back %s from the HPA as the API server returns it',
    (_, policy) => {
      const hpa = renderHorizontalPodAutoscaler({ policy, workload: WORKLOAD });

      expect(parseHorizontalPodAutoscaler(serverReturned(hpa))).toEqual({
        policy,
        unsupported: [],
      });
    },
  );

  it('keeps a hand-edited behavior as an override', () => {
    const hpa = renderHorizontalPodAutoscaler({
      policy: DEFAULT_SCALING_PRESETS[0].policy,
      workload: WORKLOAD,
    });
    hpa.spec.behavior = {
      scaleDown: {
        stabilizationWindowSeconds: 300,
        policies: [{ type: 'Pods', value: 1, periodSeconds: 120 }],
      },
    };

    expect(parseHorizontalPodAutoscaler(hpa).policy.behavior).toEqual({
      scaleDown: {
        policies: [{ type: 'Pods', value: 1, periodSeconds: 120 }],
      },
    });
  });

  it('reads an HPA without metrics as the API server defaults it: CPU at 80 %', () => {
    const { policy } = parseHorizontalPodAutoscaler(foreignHpa({}));

    expect(policy).toEqual({
      minReplicas: 1,
      maxReplicas: 10,
      targets: [{ kind: 'cpu', averageUtilization: 80 }],
    });
  });

  it('lists what the policy cannot hold instead of dropping it silently', () => {
    const parsed = parseHorizontalPodAutoscaler(
      foreignHpa({
        minReplicas: 3,
        metrics: [
          {
            type: 'Pods',
            pods: {
              metric: { name: 'http_requests_per_minute' },
              target: { type: 'AverageValue', averageValue: '1k' },
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
          {
            type: 'Resource',
            resource: {
              name: 'memory',
              target: { type: 'AverageValue', averageValue: '512Mi' },
            },
          },
        ],
        behavior: { scaleDown: { tolerance: '0.05' } },
      }),
    );

    expect(parsed).toEqual({
      policy: {
        minReplicas: 3,
        maxReplicas: 10,
        targets: [{ kind: 'requests', requestsPerMinutePerReplica: 1000 }],
      },
      unsupported: [
        {
          field: 'spec.metrics[1]',
          message:
            'This metric scales on http_request_duration_p95_seconds of Service order-service, which the policy cannot hold',
        },
        {
          field: 'spec.metrics[2]',
          message:
            'This metric targets memory as an absolute value; the policy holds utilization only',
        },
        {
          field: 'spec.behavior.scaleDown.tolerance',
          message:
            'A behavior tolerance is feature-gated and the policy cannot hold it',
        },
      ],
    });
  });

  it('reads a response-time metric without a request rate as unsupported', () => {
    const parsed = parseHorizontalPodAutoscaler(
      foreignHpa({
        metrics: [
          {
            type: 'Pods',
            pods: {
              metric: { name: 'http_request_duration_p95_seconds' },
              target: { type: 'AverageValue', averageValue: '300m' },
            },
          },
        ],
      }),
    );

    expect(parsed.policy.targets).toEqual([]);
    expect(parsed.unsupported).toEqual([
      {
        field: 'spec.metrics[0]',
        message:
          'This metric limits http_request_duration_p95_seconds, which the policy holds only once and alongside http_requests_per_minute',
      },
    ]);
  });
});
