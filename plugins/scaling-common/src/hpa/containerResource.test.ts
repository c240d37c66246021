import { computeHpaRecommendation, HpaEvaluationInput } from './autoscaler';
import type { PodSample, PodUsageSample } from './types';

const NOW = Date.UTC(2025, 0, 15, 12);
const LONG_AGO = NOW - 3_600_000;

/** An app container requesting 500m beside a sidecar requesting 100m. */
function pod(name: string): PodSample {
  return {
    name,
    ready: true,
    startTime: LONG_AGO,
    requests: { cpu: 600 },
    containers: [
      { name: 'app', requests: { cpu: 500 } },
      { name: 'sidecar', requests: { cpu: 100 } },
    ],
  };
}

function usage(app: number, sidecar: number): PodUsageSample {
  return {
    usage: { cpu: app + sidecar },
    containers: { app: { cpu: app }, sidecar: { cpu: sidecar } },
    timestamp: NOW,
  };
}

const input = (
  podUsage: Record<string, PodUsageSample>,
  container = 'app',
): HpaEvaluationInput => ({
  spec: {
    minReplicas: 1,
    maxReplicas: 10,
    metrics: [
      {
        type: 'ContainerResource',
        containerResource: {
          name: 'cpu',
          container,
          target: { type: 'Utilization', averageUtilization: 50 },
        },
      },
    ],
  },
  currentReplicas: 2,
  pods: [pod('a'), pod('b')],
  metrics: { podUsage },
  now: NOW,
  history: { recommendations: [], scaleUpEvents: [], scaleDownEvents: [] },
});

describe('ContainerResource metrics', () => {
  it("scales on the named container's use of its own request", () => {
    // The app runs at 100 % of its request: a pod-level metric would read (500 + 0) / 600 = 83 %.
    const recommendation = computeHpaRecommendation(
      input({ a: usage(500, 0), b: usage(500, 0) }),
    );
    expect(recommendation.desiredReplicas).toBe(4);
    expect(recommendation.reason).toBe(
      'cpu container resource utilization (percentage of request) above target',
    );
    expect(recommendation.metricStatuses).toEqual([
      {
        type: 'ContainerResource',
        containerResource: {
          name: 'cpu',
          container: 'app',
          current: { averageUtilization: 100, averageValue: '500m' },
        },
      },
    ]);
  });

  it('is not fooled by a busy sidecar', () => {
    const recommendation = computeHpaRecommendation(
      input({ a: usage(250, 100), b: usage(250, 100) }),
    );
    expect(recommendation.rescale).toBe(false);
  });

  it('reports a container missing from the metrics as FailedGetContainerResourceMetric', () => {
    const recommendation = computeHpaRecommendation(
      input({ a: usage(500, 0), b: usage(500, 0) }, 'worker'),
    );
    expect(recommendation.rescale).toBe(false);
    expect(
      recommendation.conditions.find(c => c.type === 'ScalingActive'),
    ).toMatchObject({
      status: 'False',
      reason: 'FailedGetContainerResourceMetric',
    });
    expect(recommendation.error).toContain(
      'failed to get worker container metric value: failed to get cpu utilization: unable to get metrics for resource cpu: failed to get container metrics: container worker not present in metrics for pod a',
    );
  });
});
