import { computeHpaRecommendation } from '../hpa/autoscaler';
import type { HpaHistory, PodSample } from '../hpa/types';
import { DEFAULT_SCALING_PRESETS } from './presets';
import { renderHorizontalPodAutoscaler } from './renderHpa';

const START = Date.UTC(2025, 0, 15, 12);
const SECOND = 1000;
const SYNC_PERIOD = 15 * SECOND;

/** `count` long-running pods requesting one CPU each, all using `millicores`. */
function podsUsing(count: number, millicores: number) {
  const pods: PodSample[] = Array.from({ length: count }, (_, i) => ({
    name: `monitoring-${i}`,
    ready: true,
    startTime: START - 3600 * SECOND,
    requests: { cpu: 1000 },
  }));
  const podUsage = Object.fromEntries(
    pods.map(pod => [pod.name, { usage: { cpu: millicores } }]),
  );
  return { pods, metrics: { podUsage } };
}

describe('the "scale down below" mapping, run through the HPA algorithm', () => {
  it('waits out the window, then removes at most 30 % of the pods a minute, rounded up to whole pods', () => {
    const { spec } = renderHorizontalPodAutoscaler({
      policy: { ...DEFAULT_SCALING_PRESETS[0].policy, minReplicas: 2 },
      workload: {
        kind: 'Deployment',
        name: 'monitoring-service',
        namespace: 'meschain-sync',
      },
    });
    let replicas = 20;
    let history: HpaHistory | undefined;
    const changes: Array<{ atSeconds: number; replicas: number }> = [];

    // Load drops to 10 % CPU and stays there for 15 minutes.
    for (let now = START; now <= START + 900 * SECOND; now += SYNC_PERIOD) {
      const result = computeHpaRecommendation({
        spec,
        currentReplicas: replicas,
        ...podsUsing(replicas, 100),
        now,
        history,
      });
      history = result.nextHistory;
      if (result.rescale) {
        replicas = result.desiredReplicas;
        changes.push({ atSeconds: (now - START) / SECOND, replicas });
      }
    }

    expect(changes).toEqual([
      { atSeconds: 300, replicas: 14 },
      { atSeconds: 360, replicas: 9 },
      { atSeconds: 420, replicas: 6 },
      { atSeconds: 480, replicas: 4 },
      // The window still holds the 3 that 20 pods at 10 % asked for until 300 s.
      { atSeconds: 540, replicas: 3 },
      { atSeconds: 600, replicas: 2 },
    ]);
  });
});
