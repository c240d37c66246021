/**
 * Fan-out benchmark: one entity's scaling state across 40 sandbox clusters of 500 Deployments
 * each, read through our endpoint and through the upstream Kubernetes backend's entity endpoint
 * (the baseline), in the same process and the same run.
 *
 * Run with `yarn bench:fanout`. Aim: our p95 at most one third of upstream's. The script preloads
 * `lib/commonJsTransform.cjs`, not the usual transform: see that file for why.
 */
import type { Entity } from '@backstage/catalog-model';
import { performance } from 'node:perf_hooks';
import { startFanoutBackends } from './lib/fanoutBackends';
import { startFanoutSandbox, type RequestCounts } from './lib/fanoutSandbox';

const CLUSTERS = 40;
const DEPLOYMENTS_PER_CLUSTER = 500;
const PODS_PER_DEPLOYMENT = 2;
const NAMESPACES = 20;
const WARM_UP_ROUNDS = 3;
const ROUNDS = 100;
/** Stops the timed loop early, whatever ROUNDS says. */
const TIME_BUDGET_MS = 180_000;
const TARGET_RATIO = 1 / 3;
/** The measured service: one of the 500, in one of the 20 namespaces. */
const SERVICE = 'svc-7';
const SERVICE_NAMESPACE = `team-${7 % NAMESPACES}`;

const regions = Array.from(
  { length: CLUSTERS },
  (_, i) => `r${String(i).padStart(2, '0')}`,
);

const service: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: SERVICE,
    namespace: 'default',
    annotations: {
      'backstage.io/kubernetes-id': SERVICE,
      'backstage.io/kubernetes-namespace': SERVICE_NAMESPACE,
      'meschain.io/regions': regions.join(','),
    },
  },
  spec: { type: 'service', owner: 'commerce-team', lifecycle: 'production' },
};

interface View {
  name: string;
  /** Sends one request and checks the answer covers every cluster; returns its latency. */
  call(): Promise<number>;
  times: number[];
  /** Event-loop busy time summed over the timed requests: this process's, and the sandbox's thread. */
  busyMs: { backends: number; sandbox: number };
  counts?: RequestCounts;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

/** What the checks read of the two answers. */
type ClusterAnswer = { errors?: unknown[]; error?: unknown };
type UpstreamAnswer = { items: ClusterAnswer[] };
type OurAnswer = {
  clusters: Array<
    ClusterAnswer & { workloads: Array<{ autoscaler?: unknown }> }
  >;
};

async function timed<T>(
  send: () => Promise<Response>,
  check: (body: T) => void,
): Promise<number> {
  const started = performance.now();
  const response = await send();
  const body = (await response.json()) as T;
  const elapsed = performance.now() - started;
  if (!response.ok) {
    throw new Error(`${response.status}: ${JSON.stringify(body)}`);
  }
  check(body);
  return elapsed;
}

function expectEveryCluster(what: string, items: ClusterAnswer[]) {
  const failed = items.filter(item => item.error || item.errors?.length);
  if (items.length !== CLUSTERS || failed.length > 0) {
    throw new Error(
      `${what}: ${items.length} clusters, ${
        failed.length
      } with errors, e.g. ${JSON.stringify(failed[0])}`,
    );
  }
}

const fixed = (value: number, digits = 1) => value.toFixed(digits);

async function main() {
  const setupStarted = performance.now();
  const sandbox = await startFanoutSandbox({
    clusters: regions.map(region => `bench-${region}`),
    deploymentsPerCluster: DEPLOYMENTS_PER_CLUSTER,
    podsPerDeployment: PODS_PER_DEPLOYMENT,
    namespaces: NAMESPACES,
  });
  const backends = await startFanoutBackends({
    service,
    clusters: regions.map(region => {
      const name = `bench-${region}`;
      return {
        name,
        region,
        url: sandbox.urls[name],
        token: sandbox.tokens[name],
      };
    }),
    // Long enough that a slow read counts as slow rather than as a failed region.
    clusterTimeoutMs: 30_000,
  });
  const setupMs = performance.now() - setupStarted;

  try {
    const views: View[] = [
      {
        name: 'upstream POST /api/kubernetes/services/:name',
        times: [],
        busyMs: { backends: 0, sandbox: 0 },
        call: () =>
          timed(
            () =>
              fetch(`${backends.baseUrl}/api/kubernetes/services/${SERVICE}`, {
                method: 'POST',
                headers: backends.headers,
                body: JSON.stringify({ entity: service }),
              }),
            (body: UpstreamAnswer) =>
              expectEveryCluster('upstream', body.items),
          ),
      },
      {
        name: 'ours GET /api/scaling/entities/…/scaling',
        times: [],
        busyMs: { backends: 0, sandbox: 0 },
        call: () =>
          timed(
            () =>
              fetch(
                `${backends.baseUrl}/api/scaling/entities/component/default/${SERVICE}/scaling`,
                { headers: backends.headers },
              ),
            (body: OurAnswer) => {
              expectEveryCluster('ours', body.clusters);
              const workloads = body.clusters.flatMap(c => c.workloads);
              if (workloads.length !== CLUSTERS || !workloads[0].autoscaler) {
                throw new Error(
                  `ours: expected one autoscaled workload per cluster, got ${JSON.stringify(
                    workloads[0],
                  )}`,
                );
              }
            },
          ),
      },
    ];
    const [upstream, ours] = views;

    // One untimed request each, alone, to count what a single read costs the clusters.
    await sandbox.takeCounts();
    for (const view of views) {
      await view.call();
      view.counts = await sandbox.takeCounts();
    }
    for (let i = 0; i < WARM_UP_ROUNDS; i++) {
      for (const view of views) await view.call();
    }

    const loopStarted = performance.now();
    for (let i = 0; i < ROUNDS; i++) {
      if (performance.now() - loopStarted > TIME_BUDGET_MS) break;
      // Interleaved, and the order alternates, so that drift and noise fall on both views.
      const order = i % 2 === 0 ? views : [...views].reverse();
      for (const view of order) {
        const thisThreadBefore = performance.eventLoopUtilization();
        const sandboxBefore = sandbox.eventLoopUtilization();
        view.times.push(await view.call());
        view.busyMs.backends +=
          performance.eventLoopUtilization(thisThreadBefore).active;
        view.busyMs.sandbox +=
          sandbox.eventLoopUtilization(sandboxBefore).active;
      }
    }

    const p95Ratio =
      percentile(ours.times, 0.95) / percentile(upstream.times, 0.95);
    const lines = [
      `fan-out benchmark: ${CLUSTERS} sandbox clusters, each with ${sandbox.perCluster.deployments} Deployments, ` +
        `${sandbox.perCluster.pods} Pods and ${sandbox.perCluster.autoscalers} HPAs in ${NAMESPACES} namespaces`,
      `entity ${SERVICE} (namespace ${SERVICE_NAMESPACE}), ${upstream.times.length} interleaved sequential requests per view ` +
        `after ${WARM_UP_ROUNDS} warm-up rounds; setup ${fixed(
          setupMs / 1000,
        )} s`,
      'our state cache is off (scaling.stateCacheTtlMs: 0): every request reads every cluster',
      'TypeScript runs through the require() transform only, so that import() costs what it does in a built backend',
      '',
      `${'view'.padEnd(46)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(
        8,
      )} ${'req/cluster'.padStart(11)} ${'p50 ratio'.padStart(
        9,
      )} ${'p95 ratio'.padStart(9)} ${'busy ms: backends'.padStart(
        17,
      )} ${'sandbox'.padStart(7)}`,
      ...views.map(view => {
        const clusterCounts = Object.values(view.counts!.perCluster);
        const perCluster = clusterCounts.reduce((a, b) => a + b, 0) / CLUSTERS;
        return [
          view.name.padEnd(46),
          fixed(percentile(view.times, 0.5)).padStart(8),
          fixed(percentile(view.times, 0.95)).padStart(8),
          fixed(perCluster).padStart(11),
          fixed(
            percentile(view.times, 0.5) / percentile(upstream.times, 0.5),
            2,
          ).padStart(9),
          fixed(
            percentile(view.times, 0.95) / percentile(upstream.times, 0.95),
            2,
          ).padStart(9),
          fixed(view.busyMs.backends / view.times.length).padStart(17),
          fixed(view.busyMs.sandbox / view.times.length).padStart(7),
        ].join(' ');
      }),
      'busy ms: event-loop busy time per request, of this process (both backends and the client) ' +
        'and of the sandbox thread (40 clusters and the counting proxy)',
      '',
      `ours/upstream p95 = ${fixed(p95Ratio, 2)} (target ≤ ${fixed(
        TARGET_RATIO,
        2,
      )}): ${p95Ratio <= TARGET_RATIO ? 'met' : 'MISSED'}`,
      '',
      'requests per cluster for one read, by route (all clusters alike):',
      ...views.flatMap(view => [
        `  ${view.name}`,
        ...Object.entries(view.counts!.perRoute)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(
            ([route, count]) =>
              `    ${fixed(count / CLUSTERS, 1).padStart(5)}  ${route}`,
          ),
      ]),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await backends.stop();
    await sandbox.close();
  }
}

main().then(
  // Exits explicitly: the mock database's knex pool keeps a timer that backend.stop() leaves.
  () => process.exit(0),
  error => {
    process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
    process.exit(1);
  },
);
