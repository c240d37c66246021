/**
 * Regions benchmark: `GET /api/scaling/regions` over 40 sandbox regions (20 primaries, each with
 * a DR partner), every cluster holding the demo fleet's nodes and services, against a baseline
 * measured in the same run: the same five lists per cluster (nodes, pods, Deployments, Rollouts,
 * HPAs) fetched straight from the clusters and parsed, with no processing. The difference is what
 * the backend adds: auth, the catalog lookup, capacity sums, placements, DR checks and the answer.
 *
 * Run with `yarn bench:regions`.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scalingPlugin from '@meschain/backstage-plugin-scaling-backend';
import { loadFleet, startSandbox, type Fleet } from '@meschain/kube-sandbox';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

const PAIRS = 20;
const ROUNDS = 20;
const LISTS = [
  '/api/v1/nodes',
  '/api/v1/pods',
  '/apis/apps/v1/deployments',
  '/apis/argoproj.io/v1alpha1/rollouts',
  '/apis/autoscaling/v2/horizontalpodautoscalers',
];

/** 20 copies of a demo primary and 20 of a demo DR region, paired, at spread-out coordinates. */
function benchFleet(): Fleet {
  const demo = loadFleet();
  const primaries = demo.clusters.filter(c => c.role === 'primary');
  const standbys = demo.clusters.filter(c => c.role === 'dr');
  const clusters = Array.from({ length: PAIRS }, (_, i) => {
    const primary = `p${String(i).padStart(2, '0')}`;
    const dr = `d${String(i).padStart(2, '0')}`;
    return [
      {
        ...primaries[i % primaries.length],
        name: primary,
        region: primary,
        drPartner: dr,
        token: `${primary}-token`,
      },
      {
        ...standbys[i % standbys.length],
        name: dr,
        region: dr,
        drPartner: primary,
        token: `${dr}-token`,
      },
    ];
  }).flat();
  return { clusters };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

async function main() {
  const setupStarted = performance.now();
  const fleet = benchFleet();
  const sandbox = await startSandbox({ fleet, port: 0, speed: 0, seed: 5 });
  const services = [
    ...new Set(fleet.clusters.flatMap(c => c.services.map(s => s.name))),
  ];
  const catalogEntities: Entity[] = services.map(name => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: { 'backstage.io/kubernetes-id': name },
    },
    spec: {
      type: 'service',
      owner: 'platform-team',
      lifecycle: 'production',
      system: 'meschain-sync',
    },
  }));
  const backend = await startTestBackend({
    features: [
      scalingPlugin,
      mockServices.database.factory(),
      catalogServiceMock.factory({ entities: catalogEntities }),
      mockServices.rootConfig.factory({
        data: {
          kubernetes: {
            clusterLocatorMethods: [
              {
                type: 'config',
                clusters: fleet.clusters.map(c => ({
                  name: c.name,
                  url: sandbox.clusterUrl(c.name, 'http'),
                  authProvider: 'serviceAccount',
                  serviceAccountToken: c.token,
                })),
              },
            ],
          },
          scaling: {
            clusterTimeoutMs: 30_000,
            regions: fleet.clusters.map((c, i) => ({
              id: c.name,
              role: c.role,
              drPartner: c.drPartner!,
              latitude: -60 + (i % 10) * 13,
              longitude: -170 + Math.floor(i / 10) * 85 + (i % 10) * 4,
              pricing: {
                cpuCoreHour: c.prices.cpuCoreHour,
                memoryGiBHour: c.prices.ramGiBHour,
              },
              clusters: [c.name],
            })),
          },
        },
      }),
    ],
  });
  const { port } = backend.server.address() as AddressInfo;
  const setupMs = performance.now() - setupStarted;

  let answerBytes = 0;
  let summary = '';
  const ours = async () => {
    const started = performance.now();
    const response = await fetch(
      `http://127.0.0.1:${port}/api/scaling/regions`,
      {
        headers: { authorization: mockCredentials.user.header() },
      },
    );
    const text = await response.text();
    const elapsed = performance.now() - started;
    const body = JSON.parse(text);
    if (!response.ok || body.regions.length !== 2 * PAIRS) {
      throw new Error(`${response.status}: ${text.slice(0, 300)}`);
    }
    const failed = body.regions.filter(
      (r: { errors: unknown[] }) => r.errors.length,
    );
    if (failed.length)
      throw new Error(
        `regions with errors: ${JSON.stringify(failed[0].errors)}`,
      );
    answerBytes = text.length;
    summary = `${body.dr.services.length} DR readiness entries (${body.dr.summary.pass} pass, ${body.dr.summary.fail} fail)`;
    return elapsed;
  };
  const floor = async () => {
    const started = performance.now();
    await Promise.all(
      fleet.clusters.flatMap(c =>
        LISTS.map(async path => {
          const response = await fetch(
            `${sandbox.clusterUrl(c.name, 'http')}${path}`,
            {
              headers: { authorization: `Bearer ${c.token}` },
            },
          );
          if (!response.ok) throw new Error(`${response.status} for ${path}`);
          await response.json();
        }),
      ),
    );
    return performance.now() - started;
  };

  try {
    await ours();
    await floor();
    const times = { ours: [] as number[], floor: [] as number[] };
    for (let i = 0; i < ROUNDS; i++) {
      // Alternated, so that drift falls on both.
      if (i % 2 === 0) {
        times.ours.push(await ours());
        times.floor.push(await floor());
      } else {
        times.floor.push(await floor());
        times.ours.push(await ours());
      }
    }
    const pods = sandbox.cluster('p00').store.list('pods').items.length;
    const fixed = (n: number) => n.toFixed(1);
    console.log(
      [
        `regions benchmark: ${
          2 * PAIRS
        } regions (one sandbox cluster each, ~${pods} pods in a primary), ${ROUNDS} rounds; setup ${fixed(
          setupMs / 1000,
        )} s`,
        `answer: ${(answerBytes / 1024).toFixed(0)} KiB, ${summary}`,
        '',
        `${'view'.padEnd(52)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}`,
        `${'ours GET /api/scaling/regions'.padEnd(52)} ${fixed(
          percentile(times.ours, 0.5),
        ).padStart(8)} ${fixed(percentile(times.ours, 0.95)).padStart(8)}`,
        `${'baseline: the same 200 lists fetched and parsed'.padEnd(
          52,
        )} ${fixed(percentile(times.floor, 0.5)).padStart(8)} ${fixed(
          percentile(times.floor, 0.95),
        ).padStart(8)}`,
        `ours/baseline p50 = ${(
          percentile(times.ours, 0.5) / percentile(times.floor, 0.5)
        ).toFixed(2)}`,
      ].join('\n'),
    );
  } finally {
    await backend.stop();
    await sandbox.close();
  }
}

// Exits explicitly: the test backend's services may keep timers that outlive stop().
main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
