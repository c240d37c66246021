import {
  fitPredictiveSchedule,
  forecastLoad,
  HorizontalPodAutoscalerSpec,
  hpaLeadTimeSeconds,
  LoadSample,
  replayPolicy,
} from '@meschain/backstage-plugin-scaling-common';
import { loadFleet } from '../cluster/fleet';
import { LoadModel } from './LoadModel';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const WEEK = 168 * HOUR;
const START = Date.UTC(2026, 8, 7); // a Monday
const SERVICE = 'monitoring-service';
const POD_STARTUP_SECONDS = 60;
const TARGET = 70;

/** The fleet's `cpu` preset, which the service's HPA runs. */
const POLICY: HorizontalPodAutoscalerSpec = {
  scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: SERVICE },
  minReplicas: 2,
  maxReplicas: 20,
  metrics: [
    {
      type: 'Resource',
      resource: {
        name: 'cpu',
        target: { type: 'Utilization', averageUtilization: TARGET },
      },
    },
  ],
  behavior: {
    scaleDown: {
      stabilizationWindowSeconds: 300,
      policies: [{ type: 'Percent', value: 30, periodSeconds: 60 }],
    },
  },
};

/** Five weeks of the service's traffic in us-east, once a minute, as the CPU it asks of its pods. */
function sandboxLoad() {
  const cluster = loadFleet().clusters.find(c => c.name === 'us-east')!;
  const model = new LoadModel({
    seed: 1,
    cluster: cluster.name,
    region: cluster.region,
    services: cluster.services,
    overrides: { podImbalance: 0 },
  });
  const profile = model.profile(SERVICE);
  const samples: LoadSample[] = [];
  for (let at = START; at < START + 5 * WEEK; at += MINUTE) {
    const { requestsPerSecond } = model.serviceLoad(SERVICE, at);
    samples.push({
      at,
      cpuMillicores: profile.cpuCoresPerRps * requestsPerSecond * 1000,
    });
  }
  return { samples, profile };
}

describe('a predictive schedule fitted to the sandbox load', () => {
  it('spends less time above target on the held-out week it was forecast for', () => {
    const { samples, profile } = sandboxLoad();
    const trainingEnd = START + 4 * WEEK;
    // Samples are a minute apart from START: each hour is 60 of them.
    const hourly = [];
    for (let h = 0; h < 4 * 168; h++) {
      const inHour = samples.slice(h * 60, (h + 1) * 60);
      hourly.push({
        at: START + h * HOUR,
        value:
          inHour.reduce((sum, s) => sum + s.cpuMillicores, 0) / inHour.length,
      });
    }
    const forecast = forecastLoad(hourly);
    const schedule = fitPredictiveSchedule({
      forecast: forecast.hours,
      cpuRequestMillicores: 200,
      targetUtilization: TARGET,
      minReplicas: POLICY.minReplicas!,
      maxReplicas: POLICY.maxReplicas,
      leadTimeSeconds: hpaLeadTimeSeconds({
        podStartupSeconds: POD_STARTUP_SECONDS,
      }),
    });

    const heldOut = samples.filter(s => s.at >= trainingEnd);
    const replay = (floorSchedule?: typeof schedule.steps) =>
      replayPolicy({
        load: heldOut,
        policy: POLICY,
        workload: {
          cpuRequestMillicores: 200,
          idleCpuMillicores: profile.idleCpuCores * 1000,
          cpuCapacityMillicores: profile.cpuCapacityCores * 1000,
        },
        initialReplicas: 2,
        podStartupSeconds: POD_STARTUP_SECONDS,
        floorSchedule,
      });
    const without = replay();
    const withSchedule = replay(schedule.steps);
    // eslint-disable-next-line no-console
    console.log(
      `held-out week of ${SERVICE}: ${without.minutesAboveTarget.toFixed(
        0,
      )} min above target under the HPA alone, ${withSchedule.minutesAboveTarget.toFixed(
        0,
      )} min with the schedule; ${without.replicaHours.toFixed(
        0,
      )} vs ${withSchedule.replicaHours.toFixed(0)} replica-hours`,
    );
    expect(schedule.steps.length).toBeGreaterThan(7);
    expect(withSchedule.minutesAboveTarget).toBeLessThan(
      without.minutesAboveTarget,
    );
  });
});
