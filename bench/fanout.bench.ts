/**
 * Fan-out benchmark: one entity's scaling state across 40 sandbox clusters of 500 Deployments
 * each, and across real Kubernetes API servers (the real control plane of tools/real-cluster,
 * seeded with the fleet), read through our endpoint and through the upstream Kubernetes
 * backend's entity endpoint (the baseline), in the same process and the same run.
 *
 * Run with `yarn bench:fanout` (the real control plane must be built: tools/real-cluster/build.sh).
 * Aim: our p95 at most one third of upstream's over the 40 sandbox clusters, where the fan-out is
 * what costs; the four real API servers show the same two reads against real Kubernetes, whose
 * ratio is printed without a target. The script preloads
 * `lib/commonJsTransform.cjs`, not the usual transform: see that file for why.
 */
import type { Entity } from '@backstage/catalog-model';
import { performance } from 'node:perf_hooks';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  loadFleet,
  REAL_CLUSTER_BIN_DIR,
  startRealClusters,
} from '@meschain/kube-sandbox';
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
/** For the 40 sandbox clusters of 500 Deployments each, where the fan-out is what costs. */
const TARGET_RATIO = 1 / 3;
/** Real API servers are heavier than sandbox clusters: a few fit beside the sandbox's 40. */
const REAL_CLUSTERS = 4;
const REAL_ROUNDS = 50;
/** A fleet service with an HPA in every primary region. */
const REAL_SERVICE = 'order-service';
/** The measured service: one of the 500, in one of the 20 namespaces. */
const SERVICE = 'svc-7';
const SERVICE_NAMESPACE = `team-${7 % NAMESPACES}`;

const regions = Array.from(
  { length: CLUSTERS },
  (_, i) => `r${String(i).padStart(2, '0')}`,
);

function serviceEntity(
  name: string,
  namespace: string,
  serviceRegions: string[],
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'backstage.io/kubernetes-id': name,
        'backstage.io/kubernetes-namespace': namespace,
        'meschain.io/regions': serviceRegions.join(','),
      },
    },
    spec: { type: 'service', owner: 'commerce-team', lifecycle: 'production' },
  };
}

interface View {
  name: string;
  /** Sends one request and checks the answer covers every cluster; returns its latency. */
  call(): Promise<number>;
  times: number[];
  /** Event-loop busy time summed over the timed requests: this process's, and the clusters' thread. */
  busyMs: { backends: number; clusters: number };
  counts?: RequestCounts;
}

/** What one section of the benchmark reads: clusters behind both backends, and one entity. */
interface Target {
  title: string;
  clusterCount: number;
  entity: Entity;
  backendsUrl: string;
  headers: Record<string, string>;
  rounds: number;
  /** The p95 ratio ours/upstream aimed at, where one is set. */
  targetRatio?: number;
  /** The sandbox counts the requests it serves, and reports its thread's busy time. */
  sandbox?: Awaited<ReturnType<typeof startFanoutSandbox>>;
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

function expectEveryCluster(
  what: string,
  items: ClusterAnswer[],
  clusterCount: number,
) {
  const failed = items.filter(item => item.error || item.errors?.length);
  if (items.length !== clusterCount || failed.length > 0) {
    throw new Error(
      `${what}: ${items.length} clusters, ${
        failed.length
      } with errors, e.g. ${JSON.stringify(failed[0])}`,
    );
  }
}

const fixed = (value: number, digits = 1) => value.toFixed(digits);

function viewsOf(target: Target): [View, View] {
  const { entity, backendsUrl, headers, clusterCount } = target;
  const name = entity.metadata.name;
  return [
    {
      name: 'upstream POST /api/kubernetes/services/:name',
      times: [],
      busyMs: { backends: 0, clusters: 0 },
      call: () =>
        timed(
          () =>
            fetch(`${backendsUrl}/api/kubernetes/services/${name}`, {
              method: 'POST',
              headers,
              body: JSON.stringify({ entity }),
            }),
          (body: UpstreamAnswer) =>
            expectEveryCluster('upstream', body.items, clusterCount),
        ),
    },
    {
      name: 'ours GET /api/scaling/entities/…/scaling',
      times: [],
      busyMs: { backends: 0, clusters: 0 },
      call: () =>
        timed(
          () =>
            fetch(
              `${backendsUrl}/api/scaling/entities/component/default/${name}/scaling`,
              { headers },
            ),
          (body: OurAnswer) => {
            expectEveryCluster('ours', body.clusters, clusterCount);
            const workloads = body.clusters.flatMap(c => c.workloads);
            if (workloads.length !== clusterCount || !workloads[0].autoscaler) {
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
}

/** Counts one read of each view (where the sandbox counts), warms up, then times interleaved rounds. */
async function measure(target: Target): Promise<View[]> {
  const views = viewsOf(target);
  const { sandbox } = target;
  if (sandbox) {
    // One untimed request each, alone, to count what a single read costs the clusters.
    await sandbox.takeCounts();
    for (const view of views) {
      await view.call();
      view.counts = await sandbox.takeCounts();
    }
  }
  for (let i = 0; i < WARM_UP_ROUNDS; i++) {
    for (const view of views) await view.call();
  }
  const loopStarted = performance.now();
  for (let i = 0; i < target.rounds; i++) {
    if (performance.now() - loopStarted > TIME_BUDGET_MS) break;
    // Interleaved, and the order alternates, so that drift and noise fall on both views.
    const order = i % 2 === 0 ? views : [...views].reverse();
    for (const view of order) {
      const thisThreadBefore = performance.eventLoopUtilization();
      const sandboxBefore = sandbox?.eventLoopUtilization();
      view.times.push(await view.call());
      view.busyMs.backends +=
        performance.eventLoopUtilization(thisThreadBefore).active;
      if (sandbox)
        view.busyMs.clusters +=
          sandbox.eventLoopUtilization(sandboxBefore).active;
    }
  }
  return views;
}

function report(target: Target, views: View[]): string[] {
  const [upstream, ours] = views;
  const p95Ratio =
    percentile(ours.times, 0.95) / percentile(upstream.times, 0.95);
  const counted = views.every(view => view.counts);
  return [
    target.title,
    `entity ${target.entity.metadata.name}, ${upstream.times.length} interleaved sequential requests per view ` +
      `after ${WARM_UP_ROUNDS} warm-up rounds`,
    '',
    `${'view'.padEnd(46)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(
      8,
    )} ${'req/cluster'.padStart(11)} ${'p50 ratio'.padStart(
      9,
    )} ${'p95 ratio'.padStart(9)} ${'busy ms: backends'.padStart(
      17,
    )} ${'sandbox'.padStart(7)}`,
    ...views.map(view => {
      const perCluster = view.counts
        ? fixed(
            Object.values(view.counts.perCluster).reduce((a, b) => a + b, 0) /
              target.clusterCount,
          )
        : '-';
      return [
        view.name.padEnd(46),
        fixed(percentile(view.times, 0.5)).padStart(8),
        fixed(percentile(view.times, 0.95)).padStart(8),
        perCluster.padStart(11),
        fixed(
          percentile(view.times, 0.5) / percentile(upstream.times, 0.5),
          2,
        ).padStart(9),
        fixed(
          percentile(view.times, 0.95) / percentile(upstream.times, 0.95),
          2,
        ).padStart(9),
        fixed(view.busyMs.backends / view.times.length).padStart(17),
        (target.sandbox
          ? fixed(view.busyMs.clusters / view.times.length)
          : '-'
        ).padStart(7),
      ].join(' ');
    }),
    '',
    target.targetRatio === undefined
      ? `ours/upstream p95 = ${fixed(p95Ratio, 2)}`
      : `ours/upstream p95 = ${fixed(p95Ratio, 2)} (target ≤ ${fixed(
          target.targetRatio,
          2,
        )}): ${p95Ratio <= target.targetRatio ? 'met' : 'MISSED'}`,
    ...(counted
      ? [
          '',
          'requests per cluster for one read, by route (all clusters alike):',
          ...views.flatMap(view => [
            `  ${view.name}`,
            ...Object.entries(view.counts!.perRoute)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(
                ([route, count]) =>
                  `    ${fixed(count / target.clusterCount, 1).padStart(
                    5,
                  )}  ${route}`,
              ),
          ]),
        ]
      : []),
    '',
  ];
}

async function sandboxSection(): Promise<string[]> {
  const setupStarted = performance.now();
  const entity = serviceEntity(SERVICE, SERVICE_NAMESPACE, regions);
  const sandbox = await startFanoutSandbox({
    clusters: regions.map(region => `bench-${region}`),
    deploymentsPerCluster: DEPLOYMENTS_PER_CLUSTER,
    podsPerDeployment: PODS_PER_DEPLOYMENT,
    namespaces: NAMESPACES,
  });
  const backends = await startFanoutBackends({
    service: entity,
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
    const target: Target = {
      title:
        `fan-out over ${CLUSTERS} sandbox clusters, each with ${sandbox.perCluster.deployments} Deployments, ` +
        `${sandbox.perCluster.pods} Pods and ${sandbox.perCluster.autoscalers} HPAs in ${NAMESPACES} namespaces ` +
        `(setup ${fixed(setupMs / 1000)} s)`,
      clusterCount: CLUSTERS,
      entity,
      backendsUrl: backends.baseUrl,
      headers: backends.headers,
      rounds: ROUNDS,
      targetRatio: TARGET_RATIO,
      sandbox,
    };
    return report(target, await measure(target));
  } finally {
    await backends.stop();
    await sandbox.close();
  }
}

async function realClusterSection(): Promise<string[]> {
  const setupStarted = performance.now();
  const real = await startRealClusters({
    binDir: REAL_CLUSTER_BIN_DIR,
    dataDir: mkdtempSync(join(tmpdir(), 'fanout-real-')),
    fleet: loadFleet(),
    clusters: REAL_CLUSTERS,
  });
  const entity = serviceEntity(
    REAL_SERVICE,
    real.clusters[0].spec.namespace,
    real.clusters.map(c => c.region),
  );
  const backends = await startFanoutBackends({
    service: entity,
    clusters: real.clusters.map(cluster => ({
      name: cluster.name,
      region: cluster.region,
      url: cluster.url,
      token: cluster.portal.token,
    })),
    clusterTimeoutMs: 30_000,
  });
  const setupMs = performance.now() - setupStarted;
  try {
    const target: Target = {
      title:
        `fan-out over ${REAL_CLUSTERS} real API servers (Kubernetes of tools/real-cluster, RBAC on, ` +
        `the portal's least-privilege token), seeded with the fleet (setup ${fixed(
          setupMs / 1000,
        )} s)`,
      clusterCount: REAL_CLUSTERS,
      entity,
      backendsUrl: backends.baseUrl,
      headers: backends.headers,
      rounds: REAL_ROUNDS,
    };
    return report(target, await measure(target));
  } finally {
    await backends.stop();
    await real.close();
  }
}

async function main() {
  const lines = [
    'our state cache is off (scaling.stateCacheTtlMs: 0): every request reads every cluster',
    'TypeScript runs through the require() transform only, so that import() costs what it does in a built backend',
    'busy ms: event-loop busy time per request, of this process (both backends and the client) ' +
      'and of the sandbox thread (its clusters and the counting proxy)',
    '',
    ...(await sandboxSection()),
    ...(await realClusterSection()),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().then(
  // Exits explicitly: the mock database's knex pool keeps a timer that backend.stop() leaves.
  () => process.exit(0),
  error => {
    process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
    process.exit(1);
  },
);
