/**
 * What-if replay benchmark: `replayPolicy` over 30 days of one service's load at 1-minute
 * resolution, and over a day of every service of the demo fleet in every cluster plus 2,000
 * synthetic services. The baseline, measured in the same run, is the same replay with the HPA
 * module's full evaluation every sync (`replayPolicyStepByStep`: every pod listed, every
 * stabilization window scanned); on the fleet it runs on a sample and is scaled up.
 *
 * Run with `yarn bench:whatif`. Aims: one service's month < 50 ms; the fleet < 5 s.
 */
import {
  HpaMetricSpec,
  HpaSpec,
  LoadSample,
  replayPolicy,
  ReplayInput,
  replayPolicyStepByStep,
} from '@meschain/backstage-plugin-scaling-common';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { loadFleet } from '../packages/kube-sandbox/src/cluster/fleet';
import { LoadModel } from '../packages/kube-sandbox/src/load';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const START = Date.UTC(2026, 8, 7);
const MONTH_TARGET_MS = 50;
const FLEET_TARGET_MS = 5_000;
const SYNTHETIC_SERVICES = 2_000;
const BASELINE_SAMPLE = 40;

const CPU_70: HpaSpec = {
  minReplicas: 2,
  maxReplicas: 40,
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
      stabilizationWindowSeconds: 60,
      policies: [{ type: 'Pods', value: 4, periodSeconds: 60 }],
    },
    scaleDown: { stabilizationWindowSeconds: 300 },
  },
};

/** A seeded pseudo-random stream, so every run replays the same synthetic fleet. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A diurnal curve with noise and the odd spike, one sample a minute. */
function syntheticLoad(
  minutes: number,
  peakMillicores: number,
  next: () => number,
): LoadSample[] {
  const phase = next() * 24;
  let drift = 1;
  return Array.from({ length: minutes + 1 }, (_, minute) => {
    const hour = (minute / 60 + phase) % 24;
    const daily =
      0.2 + 0.8 * Math.max(0, Math.sin(((hour - 6) / 24) * 2 * Math.PI));
    drift = Math.min(1.3, Math.max(0.7, drift + (next() - 0.5) * 0.02));
    const spike = next() < 0.0005 ? 2.5 : 1;
    return {
      at: START + minute * MINUTE,
      cpuMillicores: peakMillicores * daily * drift * spike,
    };
  });
}

/** The demo fleet's policy, with metrics a replay cannot derive from CPU and requests left out. */
function replayableSpec(spec: HpaSpec): HpaSpec {
  const metrics = (spec.metrics ?? []).filter(
    (metric: HpaMetricSpec) =>
      (metric.type === 'Resource' && metric.resource.name === 'cpu') ||
      (metric.type === 'Pods' &&
        metric.pods.metric.name.startsWith('http_requests_per_')),
  );
  return { ...spec, metrics: metrics.length ? metrics : CPU_70.metrics };
}

/** One replay per service of each demo cluster, a day of its own load model at 1 minute. */
function demoFleetInputs(): ReplayInput[] {
  const inputs: ReplayInput[] = [];
  for (const cluster of loadFleet().clusters) {
    const model = new LoadModel({
      seed: 1,
      cluster: cluster.name,
      region: cluster.region,
      services: cluster.services,
    });
    for (const service of cluster.services) {
      const profile = model.profile(service.name);
      const load = Array.from({ length: 24 * 60 + 1 }, (_, minute) => {
        const at = START + minute * MINUTE;
        const { requestsPerSecond } = model.serviceLoad(service.name, at);
        return {
          at,
          cpuMillicores: profile.cpuCoresPerRps * requestsPerSecond * 1000,
          requestsPerSecond,
        };
      });
      inputs.push({
        load,
        policy: service.autoscaling
          ? replayableSpec(service.autoscaling as HpaSpec)
          : {
              ...CPU_70,
              minReplicas: service.replicas,
              maxReplicas: service.replicas,
            },
        workload: {
          cpuRequestMillicores: (profile.cpuCapacityCores * 1000) / 2,
          idleCpuMillicores: profile.idleCpuCores * 1000,
          cpuCapacityMillicores: profile.cpuCapacityCores * 1000,
          baseLatencyMs: profile.baseLatencyMs,
        },
        initialReplicas: Math.max(1, service.replicas),
        podStartupSeconds: 30,
        pricing: { perReplicaHour: 0.03, currency: 'USD' },
      });
    }
  }
  return inputs;
}

function syntheticInputs(count: number, days: number): ReplayInput[] {
  const next = random(42);
  return Array.from({ length: count }, () => {
    const request = 100 + Math.floor(next() * 8) * 100;
    const peakReplicas = 4 + Math.floor(next() * 20);
    return {
      load: syntheticLoad(days * 24 * 60, peakReplicas * request * 0.65, next),
      policy: CPU_70,
      workload: {
        cpuRequestMillicores: request,
        idleCpuMillicores: request * 0.1,
      },
      initialReplicas: 2,
      podStartupSeconds: 20 + Math.floor(next() * 60),
      pricing: { perReplicaHour: 0.03, currency: 'USD' },
    };
  });
}

/** Wall time of `run`, in ms; the process's CPU time goes to `cpu` when given. */
function time(run: () => void, cpu?: number[]): number {
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  run();
  const elapsed = performance.now() - started;
  const used = process.cpuUsage(cpuStarted);
  cpu?.push((used.user + used.system) / 1000);
  return elapsed;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function verdict(ms: number, target: number): string {
  return ms < target ? `OK (< ${target} ms)` : `OVER the ${target} ms aim`;
}

function main() {
  const month = syntheticInputs(1, 30)[0];
  const syncs = (30 * DAY) / 15_000;
  replayPolicy(month);
  const monthCpu: number[] = [];
  const monthRuns = Array.from({ length: 9 }, () =>
    time(() => replayPolicy(month), monthCpu),
  );
  const monthMs = median(monthRuns);
  const monthBaselineMs = time(() => replayPolicyStepByStep(month));
  const events = replayPolicy(month).scaleEvents.length;

  console.log(
    `What-if replay benchmark (load average ${loadavg()[0].toFixed(1)} on ${
      cpus().length
    } CPUs)`,
  );
  console.log(
    `  one service, 30 days at 1 min (${month.load.length} samples, ${syncs} syncs, ${events} rescales)`,
  );
  console.log(
    `    replayPolicy: median ${monthMs.toFixed(1)} ms of 9 (CPU ${median(
      monthCpu,
    ).toFixed(1)} ms)  ${verdict(monthMs, MONTH_TARGET_MS)}`,
  );
  console.log(
    `    baseline, full evaluation each sync: ${monthBaselineMs.toFixed(
      0,
    )} ms  (${(monthBaselineMs / monthMs).toFixed(0)}× slower)`,
  );

  const demo = demoFleetInputs();
  const synthetic = syntheticInputs(SYNTHETIC_SERVICES, 1);
  const fleet = [...demo, ...synthetic];
  let fleetEvents = 0;
  const fleetCpu: number[] = [];
  const fleetMs = time(() => {
    for (const input of fleet)
      fleetEvents += replayPolicy(input).scaleEvents.length;
  }, fleetCpu);
  const sample = fleet.filter(
    (_, i) => i % Math.ceil(fleet.length / BASELINE_SAMPLE) === 0,
  );
  const sampleMs = time(() => {
    for (const input of sample) replayPolicyStepByStep(input);
  });
  const baselineFleetMs = (sampleMs / sample.length) * fleet.length;
  console.log(
    `  fleet, a day at 1 min: ${demo.length} demo service-clusters + ${synthetic.length} synthetic services (${fleetEvents} rescales)`,
  );
  console.log(
    `    replayPolicy: ${fleetMs.toFixed(0)} ms (CPU ${fleetCpu[0].toFixed(
      0,
    )} ms)  ${verdict(fleetMs, FLEET_TARGET_MS)}`,
  );
  console.log(
    `    baseline, full evaluation each sync: ~${(
      baselineFleetMs / 1000
    ).toFixed(1)} s (from ${sample.length} services)  (${(
      baselineFleetMs / fleetMs
    ).toFixed(0)}× slower)`,
  );
  if (monthMs >= MONTH_TARGET_MS || fleetMs >= FLEET_TARGET_MS)
    process.exitCode = 1;
}

main();
