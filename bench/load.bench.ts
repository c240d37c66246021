/**
 * Load benchmark of the scale-out setup (scripts/start-cluster.sh): the suite's reads through
 * nginx, as 50 and then 200 users asking at once (autocannon connections, each sending its next
 * request when the last is answered), then a soak of mixed reads with every replica's memory
 * sampled through it and the first replica's live heap read before and after it. The baseline, measured in the same run through the same load balancer and
 * replicas, is the backend's liveness check, which does no work: each read's p95 is also shown
 * as a multiple of it. Each line also gives the replicas' CPU time per answer, which the
 * machine's noise moves far less than the latencies.
 *
 * Uses the setup named by SCALE_OUT_URL (and SCALE_OUT_REPLICA_URLS, SCALE_OUT_RUN_DIR, as its
 * cluster.env has them), or starts one with two replicas and stops it at the end.
 *
 * Run with `yarn bench:load`. LOAD_BENCH_SECONDS (default 20) sets each measurement's length,
 * LOAD_BENCH_SOAK_MINUTES (default 10) the soak's.
 */
import autocannon from 'autocannon';
import {
  replicaCpuMs,
  replicaRssMiB,
  scaleOutCluster,
} from './lib/scaleOutCluster';
import { inspectReplicaHeap } from './lib/replicaHeap';

const SECONDS = Number(process.env.LOAD_BENCH_SECONDS ?? 20);
const SOAK_MINUTES = Number(process.env.LOAD_BENCH_SOAK_MINUTES ?? 10);
const USERS = [50, 200];
const SOAK_USERS = 50;
const TARGET_P95_MS = 100;
/** Live heap growth over the soak above this share is reported as not flat. */
const FLAT_GROWTH = 0.15;
/** How often the soak samples each replica's memory, and over how long its start and end are taken. */
const RSS_SAMPLE_MS = 15_000;
const RSS_WINDOW_MS = 60_000;

const BASELINE = {
  name: 'baseline: liveness',
  path: '/.backstage/health/v1/liveness',
  cached: false,
};
const READS = [
  {
    name: 'scaling state of a service',
    path: '/api/scaling/entities/component/default/user-service/scaling',
    cached: true,
  },
  { name: 'fleet', path: '/api/scaling/fleet', cached: true },
  { name: 'regions', path: '/api/scaling/regions', cached: false },
  {
    name: 'cost of a service',
    path: '/api/scaling/cost/entities/component/default/user-service',
    cached: false,
  },
  {
    name: 'cost of the organisation',
    path: '/api/scaling/cost/org',
    cached: false,
  },
];

type Figures = {
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  serverErrors: number;
  /** What the errors were: `503: 2`, `no answer: 1`. */
  errorKinds: string;
  /**
   * The replicas' CPU time per answer: steadier than latency on a noisy machine, and with the
   * baseline's, what a read costs beyond the request stack.
   */
  cpuMsPerAnswer?: number;
};

function percentile(sorted: number[], p: number): number {
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN
  );
}

/** Runs autocannon and keeps every answer's time and status, for exact percentiles. */
function measure(options: {
  url: string;
  paths: string[];
  token: string;
  connections: number;
  seconds: number;
  /** The replicas' CPU time so far in ms, when it can be read. */
  cpuMs?: () => number;
}): Promise<Figures> {
  const latencies: number[] = [];
  let errors = 0;
  let serverErrors = 0;
  const kinds = new Map<string, number>();
  const countError = (kind: string) =>
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  const cpuBefore = options.cpuMs?.();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.seconds,
        timeout: 30,
        headers: { authorization: `Bearer ${options.token}` },
        requests: options.paths.map(path => ({ method: 'GET', path })),
      },
      (error: Error | null) => {
        if (error) {
          reject(error);
          return;
        }
        latencies.sort((a, b) => a - b);
        resolve({
          requests: latencies.length,
          p50: percentile(latencies, 0.5),
          p95: percentile(latencies, 0.95),
          p99: percentile(latencies, 0.99),
          errors,
          serverErrors,
          errorKinds: [...kinds]
            .map(([kind, count]) => `${kind}: ${count}`)
            .join(', '),
          cpuMsPerAnswer:
            cpuBefore === undefined
              ? undefined
              : (options.cpuMs!() - cpuBefore) / latencies.length,
        });
      },
    );
    instance.on(
      'response',
      (_client: unknown, status: number, _bytes: number, ms: number) => {
        latencies.push(ms);
        if (status >= 400) {
          errors += 1;
          countError(String(status));
        }
        if (status >= 500) serverErrors += 1;
      },
    );
    // Connection errors and timeouts: no answer at all, counted apart from the 5xx.
    instance.on('reqError', (error: Error) => {
      errors += 1;
      countError(
        error.message === 'request timed out' ? 'timed out' : 'no answer',
      );
    });
  });
}

/**
 * Samples each replica's resident memory while the soak runs. A replica's
 * RSS swings by its young generation (up to 128 MiB) between collections, so
 * one reading before and one after can show growth that is not there; the
 * median of each end's minute of samples cannot.
 */
function watchMemory(runDir: string, replicas: number[]) {
  const samples: Array<{ at: number; rss: number[] }> = [];
  const sample = () =>
    samples.push({
      at: Date.now(),
      rss: replicas.map(r => replicaRssMiB(runDir, r)),
    });
  sample();
  const timer = setInterval(sample, RSS_SAMPLE_MS);
  return {
    stop() {
      clearInterval(timer);
      sample();
      const first = samples[0].at;
      const last = samples[samples.length - 1].at;
      return replicas.map((_, i) => {
        const medianWithin = (from: number, to: number) =>
          percentile(
            samples
              .filter(s => s.at >= from && s.at <= to)
              .map(s => s.rss[i])
              .sort((a, b) => a - b),
            0.5,
          );
        const all = samples.map(s => s.rss[i]);
        return {
          start: medianWithin(first, first + RSS_WINDOW_MS),
          end: medianWithin(last - RSS_WINDOW_MS, last),
          min: Math.min(...all),
          max: Math.max(...all),
        };
      });
    },
  };
}

async function guestToken(url: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!response.ok)
    throw new Error(`Guest sign-in answered ${response.status}`);
  return (await response.json()).backstageIdentity.token;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

/** One measurement's line: its percentiles, throughput and errors, and its p95 against the baseline's. */
function row(
  name: string,
  figures: Figures,
  seconds: number,
  baseline?: Figures,
): string {
  const ratio = baseline
    ? ` (×${(figures.p95 / baseline.p95).toFixed(1)} baseline)`
    : '';
  const kinds = figures.errorKinds ? `: ${figures.errorKinds}` : '';
  const cpu =
    figures.cpuMsPerAnswer === undefined
      ? ''
      : `, ${figures.cpuMsPerAnswer.toFixed(2)} ms replica CPU per answer`;
  return `  ${name.padEnd(30)} p50 ${ms(figures.p50)}  p95 ${ms(
    figures.p95,
  )}${ratio}  p99 ${ms(figures.p99)}  ${
    figures.requests
  } requests (${Math.round(figures.requests / seconds)}/s${cpu}), ${
    figures.errors
  } errors (${figures.serverErrors} 5xx${kinds})`;
}

async function main() {
  const cluster = await scaleOutCluster({ replicas: 2 });
  let failed = false;
  try {
    const token = await guestToken(cluster.url);
    const replicas = cluster.replicaUrls.map((_, i) => i + 1);
    const { runDir } = cluster;
    const cpuMs = runDir
      ? () => replicas.reduce((sum, r) => sum + replicaCpuMs(runDir, r), 0)
      : undefined;
    console.log(
      `Load through ${cluster.url}, ${cluster.replicaUrls.length} replicas; ${SECONDS} s per measurement\n`,
    );

    // Every cache and connection pool warmed, as in a portal that has been up a while.
    await measure({
      url: cluster.url,
      paths: READS.map(r => r.path),
      token,
      connections: 10,
      seconds: 5,
    });

    for (const users of USERS) {
      const baseline = await measure({
        url: cluster.url,
        paths: [BASELINE.path],
        token,
        connections: users,
        seconds: SECONDS,
        cpuMs,
      });
      console.log(`${users} users`);
      console.log(row(BASELINE.name, baseline, SECONDS));
      failed ||= baseline.errors > 0;
      for (const read of READS) {
        const figures = await measure({
          url: cluster.url,
          paths: [read.path],
          token,
          connections: users,
          seconds: SECONDS,
          cpuMs,
        });
        const verdict =
          figures.errors > 0
            ? 'FAIL: errors'
            : read.cached && users === 200 && figures.p95 >= TARGET_P95_MS
            ? `FAIL: p95 over ${TARGET_P95_MS} ms`
            : 'ok';
        failed ||= verdict !== 'ok';
        console.log(
          `${row(read.name, figures, SECONDS, baseline)}  ${
            read.cached ? 'cached ' : ''
          }${verdict}`,
        );
      }
    }

    if (!cluster.runDir) {
      console.log(
        "\nNo SCALE_OUT_RUN_DIR: the replicas' memory is not measured.",
      );
    } else {
      const heap = await inspectReplicaHeap(cluster.runDir, 1);
      const liveBefore = await heap.liveHeapMiB();
      const memory = watchMemory(cluster.runDir, replicas);
      console.log(
        `\nSoak: ${SOAK_MINUTES} min of mixed reads at ${SOAK_USERS} users`,
      );
      const soak = await measure({
        url: cluster.url,
        paths: READS.map(r => r.path),
        token,
        connections: SOAK_USERS,
        seconds: Math.round(SOAK_MINUTES * 60),
        cpuMs,
      });
      const rss = memory.stop();
      const liveAfter = await heap.liveHeapMiB();
      heap.close();
      console.log(row('mixed reads', soak, SOAK_MINUTES * 60));
      failed ||= soak.errors > 0;
      // Resident memory swings with the garbage not yet collected; it is shown, not judged.
      replicas.forEach((r, i) => {
        const { start, end, min, max } = rss[i];
        console.log(
          `  replica ${r}: RSS ${start} MiB in the first minute, ${end} MiB in the last (${(
            ((end - start) / start) *
            100
          ).toFixed(1)} %; ${min} to ${max} MiB over the soak)`,
        );
      });
      const growth = (liveAfter - liveBefore) / liveBefore;
      const flat = growth <= FLAT_GROWTH;
      failed ||= !flat;
      console.log(
        `  replica 1: live heap after a full collection ${liveBefore} MiB before the soak, ${liveAfter} MiB after (${(
          growth * 100
        ).toFixed(1)} %) ${flat ? 'flat' : 'FAIL: grew'}`,
      );
    }
  } finally {
    await cluster.stop();
  }
  if (failed) {
    process.exitCode = 1;
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
