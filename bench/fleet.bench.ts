/**
 * Fleet benchmark: `GET /api/scaling/fleet` for 2,000 services in 7 regions (one cluster each,
 * every cluster running every service as a Deployment with an HPA and a ReplicaSet), read from
 * the snapshot the backend's watches keep current. The clusters are a kube-sandbox in a worker
 * thread (as remote clusters, they do not share the backend's event loop), filled straight
 * through their stores, frozen. The baseline, measured in the same run, is the per-entity read
 * the fleet replaces: one service's `GET /entities/.../scaling`, which asks each of the 7
 * clusters (state cache off). Also printed: a change made on a cluster as kubectl would, until it
 * shows in the fleet's answer and until its signal is published.
 *
 * Run with `yarn bench:fleet`.
 */
import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  signalsServiceRef,
  type SignalPayload,
} from '@backstage/plugin-signals-node';
import scalingPlugin from '@meschain/backstage-plugin-scaling-backend';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { startFanoutSandbox } from './lib/fanoutSandbox';

const SERVICES = Number(process.env.FLEET_BENCH_SERVICES ?? 2_000);
const ROUNDS = Number(process.env.FLEET_BENCH_ROUNDS ?? 40);
const TEAMS = 25;
const TIERS = ['critical', 'high', 'standard'];
const TARGET_P95_MS = 200;

/** The fan-out sandbox's naming: `svc-<n>` in namespace `team-<n mod 20>`. */
const serviceName = (i: number) => `svc-${i}`;
const namespaceOf = (i: number) => `team-${i % NAMESPACES}`;

const NAMESPACES = 20;
const REGIONS = [
  { id: 'us-east', role: 'primary', drPartner: 'us-west' },
  { id: 'eu-west', role: 'primary', drPartner: 'eu-central' },
  { id: 'ap-southeast', role: 'primary', drPartner: 'ap-northeast' },
  { id: 'tr-central', role: 'primary', drPartner: 'eu-central' },
  { id: 'us-west', role: 'dr', drPartner: 'us-east' },
  { id: 'eu-central', role: 'dr', drPartner: 'eu-west' },
  { id: 'ap-northeast', role: 'dr', drPartner: 'ap-southeast' },
];
const clusterOf = (region: string) => `bench-${region}`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

async function main() {
  const setupStarted = performance.now();
  const sandbox = await startFanoutSandbox({
    clusters: REGIONS.map(region => clusterOf(region.id)),
    deploymentsPerCluster: SERVICES,
    podsPerDeployment: 2,
    namespaces: NAMESPACES,
  });
  const entities: Entity[] = Array.from({ length: SERVICES }, (_, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: serviceName(i),
      namespace: 'default',
      labels: { tier: TIERS[i % TIERS.length] },
      annotations: {
        'backstage.io/kubernetes-id': serviceName(i),
        'backstage.io/kubernetes-namespace': namespaceOf(i),
        'meschain.io/regions': REGIONS.map(region => region.id).join(','),
      },
    },
    spec: {
      type: 'service',
      owner: `team-${i % TEAMS}`,
      lifecycle: 'production',
      system: 'meschain-sync',
    },
    relations: [
      { type: 'ownedBy', targetRef: `group:default/team-${i % TEAMS}` },
    ],
  }));
  const clusterEntities: Entity[] = REGIONS.map(region => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: clusterOf(region.id),
      namespace: 'default',
      annotations: {
        'meschain.io/region': region.id,
        'meschain.io/region-role': region.role,
      },
    },
    spec: { type: 'kubernetes-cluster', owner: 'platform-team' },
  }));
  const signals: Array<{ at: number; payload: SignalPayload }> = [];
  const backend = await startTestBackend({
    features: [
      scalingPlugin,
      mockServices.database.factory(),
      catalogServiceMock.factory({
        entities: [...entities, ...clusterEntities],
      }),
      createServiceFactory({
        service: signalsServiceRef,
        deps: {},
        factory: () => ({
          publish: async (payload: SignalPayload<any>) => {
            signals.push({ at: performance.now(), payload });
          },
        }),
      }),
      mockServices.rootConfig.factory({
        data: {
          kubernetes: {
            clusterLocatorMethods: [
              {
                type: 'config',
                clusters: REGIONS.map(region => ({
                  name: clusterOf(region.id),
                  url: sandbox.urls[clusterOf(region.id)],
                  authProvider: 'serviceAccount',
                  serviceAccountToken: sandbox.tokens[clusterOf(region.id)],
                })),
              },
            ],
          },
          scaling: {
            clusterTimeoutMs: 30_000,
            // The per-entity baseline asks the clusters every time.
            stateCacheTtlMs: 0,
            regions: REGIONS.map(region => ({
              ...region,
              latitude: 0,
              longitude: 0,
              clusters: [clusterOf(region.id)],
            })),
          },
        },
      }),
    ],
  });
  const { port } = backend.server.address() as AddressInfo;
  const api = `http://127.0.0.1:${port}/api/scaling`;
  const headers = { authorization: mockCredentials.user.header() };

  const readFleet = async (query = '') => {
    const started = performance.now();
    const response = await fetch(`${api}/fleet${query}`, { headers });
    const text = await response.text();
    const elapsed = performance.now() - started;
    if (!response.ok) throw new Error(`${response.status}: ${text}`);
    return { elapsed, text };
  };

  // The snapshot is ready once every cluster has been listed.
  let ready = false;
  let lastReport = performance.now();
  while (!ready) {
    const body = JSON.parse((await readFleet()).text);
    const cells = body.services.flatMap((s: any) => s.regions);
    ready =
      body.services.length === SERVICES &&
      cells.length === SERVICES * REGIONS.length &&
      cells.every((cell: any) => !cell.error);
    if (!ready) {
      const waiting = cells.find((cell: any) => cell.error);
      if (performance.now() - lastReport > 10_000) {
        lastReport = performance.now();
        console.log(
          `waiting for the snapshot: ${body.services.length} services, ${
            cells.length
          } cells${waiting ? `, e.g. ${waiting.error}` : ''}`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, 500));
    }
  }
  const setupMs = performance.now() - setupStarted;

  const entityRead = async () => {
    const started = performance.now();
    const response = await fetch(
      `${api}/entities/component/default/${serviceName(0)}/scaling`,
      { headers },
    );
    const text = await response.text();
    if (!response.ok) throw new Error(`${response.status}: ${text}`);
    return performance.now() - started;
  };

  try {
    await entityRead();
    const times = {
      fleet: [] as number[],
      team: [] as number[],
      entity: [] as number[],
    };
    let answerBytes = 0;
    let teamServices = 0;
    const team = `?owner=${encodeURIComponent('group:default/team-3')}`;
    for (let i = 0; i < ROUNDS; i++) {
      const full = await readFleet();
      times.fleet.push(full.elapsed);
      answerBytes = full.text.length;
      const owned = await readFleet(team);
      times.team.push(owned.elapsed);
      teamServices = JSON.parse(owned.text).services.length;
      times.entity.push(await entityRead());
    }

    // A change made on a cluster as kubectl would: until the fleet shows it and its signal is out.
    const region = REGIONS[1].id;
    const name = serviceName(7);
    const path = `/apis/apps/v1/namespaces/${namespaceOf(
      7,
    )}/deployments/${name}`;
    const liveMs: number[] = [];
    const signalMs: number[] = [];
    for (let replicas = 2; replicas <= 6; replicas++) {
      const signalsBefore = signals.length;
      const started = performance.now();
      const patched = await fetch(`${sandbox.urls[clusterOf(region)]}${path}`, {
        method: 'PATCH',
        headers: {
          authorization: `Bearer ${sandbox.tokens[clusterOf(region)]}`,
          'content-type': 'application/merge-patch+json',
        },
        body: JSON.stringify({ spec: { replicas } }),
      });
      if (!patched.ok) throw new Error(`PATCH answered ${patched.status}`);
      for (;;) {
        const body = JSON.parse(
          (
            await readFleet(
              `?owner=${encodeURIComponent('group:default/team-7')}`,
            )
          ).text,
        );
        const cell = body.services
          .find((s: any) => s.entityRef === `component:default/${name}`)
          ?.regions.find((c: any) => c.region === region);
        if (cell?.replicas.desired === replicas) break;
        if (performance.now() - started > 10_000) {
          throw new Error('the change did not reach the fleet within 10 s');
        }
      }
      liveMs.push(performance.now() - started);
      const signalOf = () =>
        signals
          .slice(signalsBefore)
          .find(s =>
            (s.payload.message as any).cells.some(
              (c: any) => c.entityRef === `component:default/${name}`,
            ),
          );
      while (!signalOf() && performance.now() - started < 5_000) {
        await new Promise(resolve => setTimeout(resolve, 10));
      }
      const signal = signalOf();
      if (signal) signalMs.push(signal.at - started);
    }

    const fixed = (n: number) => n.toFixed(1);
    const row = (label: string, values: number[]) =>
      `${label.padEnd(58)} ${fixed(percentile(values, 0.5)).padStart(
        8,
      )} ${fixed(percentile(values, 0.95)).padStart(8)} ${fixed(
        percentile(values, 0.99),
      ).padStart(8)}`;
    const p95 = percentile(times.fleet, 0.95);
    console.log(
      [
        `fleet benchmark: ${SERVICES} services x ${
          REGIONS.length
        } regions (one sandbox cluster each), ${ROUNDS} rounds; setup ${fixed(
          setupMs / 1000,
        )} s`,
        `answer: ${(answerBytes / 1024 / 1024).toFixed(1)} MiB, ${
          SERVICES * REGIONS.length
        } cells; one team's answer: ${teamServices} services`,
        '',
        `${'read'.padEnd(58)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(
          8,
        )} ${'p99 ms'.padStart(8)}`,
        row('ours GET /fleet (whole fleet)', times.fleet),
        row("ours GET /fleet?owner=<one team's group>", times.team),
        row(
          'baseline: one entity GET .../scaling (7 clusters, no cache)',
          times.entity,
        ),
        `ours/baseline p50 = ${(
          percentile(times.fleet, 0.5) / percentile(times.entity, 0.5)
        ).toFixed(2)} (the fleet answers ${SERVICES} services in the time of ${(
          percentile(times.entity, 0.5) / percentile(times.fleet, 0.5)
        ).toFixed(2)}x one entity's read)`,
        '',
        `kubectl-style change -> in GET /fleet: p50 ${fixed(
          percentile(liveMs, 0.5),
        )} ms, max ${fixed(Math.max(...liveMs))} ms; -> signal published: ${
          signalMs.length
        }/${liveMs.length}, max ${fixed(Math.max(...signalMs))} ms`,
        "(the backend reuses each caller's catalog listing for 10 s and each cell until its objects change: most rounds read both from memory)",
        `target p95 < ${TARGET_P95_MS} ms: ${
          p95 < TARGET_P95_MS ? 'met' : 'MISSED'
        } (${fixed(p95)} ms)`,
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
