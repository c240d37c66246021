import { serverReturned } from './__testUtils__/serverReturned';
import { diffHorizontalPodAutoscaler } from './diffHpa';
import { DEFAULT_SCALING_PRESETS } from './presets';
import { renderHorizontalPodAutoscaler } from './renderHpa';
import type { ScaleTargetWorkload, ScalingPolicy } from './types';

const WORKLOAD: ScaleTargetWorkload = {
  kind: 'Deployment',
  name: 'monitoring-service',
  namespace: 'meschain-sync',
};

const [CPU, , REQUESTS] = DEFAULT_SCALING_PRESETS.map(preset => preset.policy);

function render(policy: ScalingPolicy) {
  return renderHorizontalPodAutoscaler({ policy, workload: WORKLOAD });
}

describe('diffHorizontalPodAutoscaler', () => {
  it.each(DEFAULT_SCALING_PRESETS.map(preset => [preset.name, preset.policy]))(
    'finds nothing to change when the live %s HPA is what was rendered',
    (_, policy) => {
      const live = serverReturned(render(policy));

      expect(diffHorizontalPodAutoscaler(live, render(policy))).toEqual([]);
    },
  );

  it('compares quantities by value, not by how they are written', () => {
    const live = render(REQUESTS);
    live.spec.metrics = [
      {
        type: 'Pods',
        pods: {
          metric: { name: 'http_requests_per_minute' },
          target: { type: 'AverageValue', averageValue: '1000' },
        },
      },
      {
        type: 'Pods',
        pods: {
          metric: { name: 'http_request_duration_p95_seconds' },
          target: { type: 'AverageValue', averageValue: '0.5' },
        },
      },
    ];

    expect(diffHorizontalPodAutoscaler(live, render(REQUESTS))).toEqual([]);
  });

  it('reports each field a policy change touches, with before and after', () => {
    const live = serverReturned(render(CPU));
    const rendered = render({
      ...CPU,
      maxReplicas: 30,
      targets: [{ kind: 'cpu', averageUtilization: 60, scaleDownBelow: 25 }],
    });

    expect(diffHorizontalPodAutoscaler(live, rendered)).toEqual([
      {
        path: 'metadata.annotations["meschain.io/scale-down-below"]',
        before: 'cpu=30',
        after: 'cpu=25',
      },
      { path: 'spec.maxReplicas', before: 20, after: 30 },
      {
        path: 'spec.metrics[0].resource.target.averageUtilization',
        before: 70,
        after: 60,
      },
      {
        path: 'spec.behavior.scaleDown.policies[0].value',
        before: 30,
        after: 25,
      },
    ]);
  });

  it('reports a removed metric and a removed threshold, annotation included', () => {
    const live = render({
      ...CPU,
      targets: [
        { kind: 'cpu', averageUtilization: 70, scaleDownBelow: 30 },
        { kind: 'memory', averageUtilization: 80 },
      ],
    });
    const rendered = render({
      ...CPU,
      targets: [{ kind: 'cpu', averageUtilization: 70 }],
    });

    expect(diffHorizontalPodAutoscaler(live, rendered)).toEqual([
      {
        path: 'metadata.annotations["meschain.io/scale-down-below"]',
        before: 'cpu=30',
        after: undefined,
      },
      {
        path: 'spec.metrics[1]',
        before: {
          type: 'Resource',
          resource: {
            name: 'memory',
            target: { type: 'Utilization', averageUtilization: 80 },
          },
        },
        after: undefined,
      },
      {
        path: 'spec.behavior',
        before: {
          scaleUp: {
            stabilizationWindowSeconds: 0,
            selectPolicy: 'Max',
            policies: [
              { type: 'Pods', value: 4, periodSeconds: 15 },
              { type: 'Percent', value: 100, periodSeconds: 15 },
            ],
          },
          scaleDown: {
            stabilizationWindowSeconds: 300,
            selectPolicy: 'Max',
            policies: [{ type: 'Percent', value: 30, periodSeconds: 60 }],
          },
        },
        after: undefined,
      },
    ]);
  });

  it('ignores labels and annotations that other tools own', () => {
    const live = render(CPU);
    live.metadata.labels = { ...live.metadata.labels, team: 'platform-team' };
    live.metadata.annotations = {
      ...live.metadata.annotations,
      'argocd.argoproj.io/sync-wave': '1',
    };

    expect(diffHorizontalPodAutoscaler(live, render(CPU))).toEqual([]);
  });

  it('lists every field as added when there is no live HPA yet', () => {
    const changes = diffHorizontalPodAutoscaler(undefined, render(CPU));

    expect(changes.map(change => change.path)).toEqual([
      'metadata.labels["app.kubernetes.io/managed-by"]',
      'metadata.annotations["meschain.io/scale-down-below"]',
      'spec.scaleTargetRef',
      'spec.minReplicas',
      'spec.maxReplicas',
      'spec.metrics',
      'spec.behavior',
    ]);
    expect(changes.every(change => change.before === undefined)).toBe(true);
  });
});
