import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  CostBackfillResult,
  CostRecommendations,
  EntityCost,
  OrgCost,
  TeamCost,
} from '@meschain/backstage-plugin-scaling-common';
import {
  DEFAULT_CPU_TARGET_UTILIZATION,
  parseQuantity,
} from '@meschain/backstage-plugin-scaling-common';
import { Sandbox, startSandbox } from '@meschain/kube-sandbox';
import { isDeepStrictEqual } from 'node:util';
import request from 'supertest';
import {
  CLUSTER_TARGET,
  ClusterTarget,
  clusterName,
  describeSandboxOnly,
  startClusterTarget,
} from './__testUtils__/clusterTarget';
import { scalingPlugin } from './plugin';
import { sandboxKubernetesConfig } from './__testUtils__/kubeSandbox';
import {
  SANDBOX_NAMESPACE,
  serviceEntity,
} from './__testUtils__/serviceEntity';
import { createKubernetesClients } from './services/Clusters';
import { createCostEntityMapping } from './services/Cost/costEntityMapping';
import { createCostWorkloadObserver } from './services/Cost/observeCostWorkloads';

jest.setTimeout(CLUSTER_TARGET === 'sandbox' ? 120_000 : 300_000);

const REGIONS = ['us-east', 'eu-west', 'tr-central'];
const DAY_MS = 86_400_000;

/** Yesterday (UTC): a whole day, before the last full hour whatever the time. */
const yesterday = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS - DAY_MS);
const day = yesterday.toISOString().slice(0, 10);
const nextDay = new Date(yesterday.getTime() + DAY_MS)
  .toISOString()
  .slice(0, 10);
const window = `start=${day}&end=${nextDay}`;

function service(name: string, owner: string): Entity {
  return serviceEntity(name, { owner, regions: REGIONS });
}

const team: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'platform-team', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

type AllocationEntry = {
  totalCost: number;
  properties: { labels?: Record<string, string> };
};

const databases = TestDatabases.create();

describe(`the cost refresh's cluster reads, against the ${CLUSTER_TARGET}`, () => {
  const REGION = 'eu-west';
  let target: ClusterTarget;
  const kubernetes = createKubernetesClients({ requestTimeoutMs: 10_000 });

  beforeAll(async () => {
    target = await startClusterTarget({ regions: [REGION], settle: false });
  });

  afterAll(async () => {
    await kubernetes.close();
    await target?.close();
  });

  afterEach(() => target.clearFaults());

  const observe = () => {
    const cluster = target.scalingCluster(REGION);
    return createCostWorkloadObserver({
      clusters: {
        listClusters: async () => [cluster],
        getCluster: async () => cluster,
      },
      kubernetes,
      timeoutMs: target.clusterTimeoutMs,
    })(
      { name: clusterName(REGION), region: REGION },
      createCostEntityMapping([
        service('monitoring-service', 'platform-team'),
        service('logging-service', 'platform-team'),
      ]),
    );
  };

  /** A workload and its HPA as the cluster holds them, in the shape the refresh stores. */
  async function held(kind: 'Rollout' | 'Deployment', name: string) {
    const path =
      kind === 'Rollout'
        ? `/apis/argoproj.io/v1alpha1/namespaces/${SANDBOX_NAMESPACE}/rollouts/${name}`
        : `/apis/apps/v1/namespaces/${SANDBOX_NAMESPACE}/deployments/${name}`;
    const workload = await target.read(REGION, path);
    const hpa = await target.read(
      REGION,
      `/apis/autoscaling/v2/namespaces/${SANDBOX_NAMESPACE}/horizontalpodautoscalers/${name}`,
    );
    const { requests } = workload.spec.template.spec.containers[0].resources;
    const cpu = hpa.spec.metrics.find(
      (m: any) => m.type === 'Resource' && m.resource.name === 'cpu',
    );
    return {
      cluster: clusterName(REGION),
      region: REGION,
      namespace: SANDBOX_NAMESPACE,
      kind,
      name,
      entityRef: `component:default/${name}`,
      ownerRef: 'group:default/platform-team',
      replicas: workload.spec.replicas,
      cpuRequestCoresPerReplica: parseQuantity(requests.cpu),
      memoryRequestGiBPerReplica: parseQuantity(requests.memory) / 1024 ** 3,
      autoscaler: {
        minReplicas: hpa.spec.minReplicas,
        cpuTargetUtilization:
          cpu?.resource.target.averageUtilization ??
          DEFAULT_CPU_TARGET_UTILIZATION,
      },
    };
  }

  it('observes the replicas, requests and HPA of Rollouts and Deployments as the cluster holds them', async () => {
    const heldBoth = async () => [
      await held('Rollout', 'monitoring-service'),
      // A memory HPA: its CPU target is taken at the default.
      await held('Deployment', 'logging-service'),
    ];
    // Between two equal reads of the cluster, in case a real HPA controller is still sizing them.
    const { before, observed } = await target.waitUntil(
      'an observation between two equal reads of the cluster',
      async () => ({
        before: await heldBoth(),
        observed: await observe(),
        after: await heldBoth(),
      }),
      read => isDeepStrictEqual(read.before, read.after),
      { seconds: 60 },
    );
    expect(observed).toHaveLength(2);
    expect(observed).toEqual(expect.arrayContaining(before));
  });

  it('fails, naming the cluster, when it is down or too slow, so that the last observation is kept', async () => {
    await target.fault(REGION, { mode: 'down' });
    await expect(observe()).rejects.toThrow(
      /^Cluster meschain-eu-west is unreachable/,
    );
    await target.fault(REGION, {
      mode: 'slow',
      delayMs: target.clusterTimeoutMs * 3,
    });
    await expect(observe()).rejects.toThrow(
      /^Cluster meschain-eu-west did not answer\b.* within \d+ ms$/,
    );
  });
});

describeSandboxOnly(
  'the day of OpenCost history it ingests needs the sandbox’s clock started at midnight',
  'cost ingestion',
  () => {
    describe.each(databases.eachSupportedId())(
      'cost ingestion from the kube-sandbox’s OpenCost, stored in %p',
      databaseId => {
        let sandbox: Sandbox;
        let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
        let mayBackfill = true;

        /** The source's own answer for the day, read by the test as a witness. */
        async function sourceEntries(region: string) {
          const url = new URL(
            `${sandbox.clusterUrl(region, 'http')}/allocation`,
          );
          url.searchParams.set(
            'window',
            `${day}T00:00:00Z,${nextDay}T00:00:00Z`,
          );
          url.searchParams.set('aggregate', 'namespace,controller');
          url.searchParams.set('accumulate', 'true');
          url.searchParams.set('includeIdle', 'true');
          const body = await (await fetch(url)).json();
          return Object.values(body.data[0]) as AllocationEntry[];
        }

        const cents = (value: number) => Math.round(value * 100);

        beforeAll(async () => {
          // The sandbox starts at midnight, so that every hour of yesterday is
          // behind it, and runs 30 simulated minutes.
          sandbox = await startSandbox({
            port: 0,
            speed: 0,
            seed: 11,
            startTime: yesterday.getTime() + DAY_MS,
            warmUpMs: 30 * 60_000,
          });
          const permissions = mockServices.permissions.mock({
            authorize: async requests =>
              requests.map(() => ({
                result: mayBackfill
                  ? AuthorizeResult.ALLOW
                  : AuthorizeResult.DENY,
              })),
          });
          ({ server } = await startTestBackend({
            features: [
              scalingPlugin,
              mockServices.rootConfig.factory({
                data: {
                  kubernetes: sandboxKubernetesConfig(sandbox, REGIONS),
                  scaling: {
                    cost: {
                      pricing: {
                        regions: Object.fromEntries(
                          REGIONS.map(region => [
                            region,
                            { spotDiscount: 0.6, reservedDiscount: 0.4 },
                          ]),
                        ),
                      },
                      opencost: {
                        clusters: REGIONS.map(region => ({
                          name: `meschain-${region}`,
                          region,
                          url: sandbox.clusterUrl(region, 'http'),
                        })),
                      },
                    },
                  },
                },
              }),
              permissions.factory,
              mockServices.database.factory({
                knex: await databases.init(databaseId),
                migrations: { skip: false },
              }),
              catalogServiceMock.factory({
                entities: [
                  service('logging-service', 'platform-team'),
                  service('monitoring-service', 'platform-team'),
                  service('order-service', 'commerce-team'),
                  team,
                ],
              }),
            ],
          }));
        });

        afterAll(async () => {
          await sandbox.close();
        });

        afterEach(() => sandbox.faults.clear());

        function backfill(body: object) {
          return request(server)
            .post('/api/scaling/cost/backfill')
            .set('Authorization', mockCredentials.user.header())
            .send(body);
        }

        async function get<T>(path: string): Promise<T> {
          const response = await request(server)
            .get(`/api/scaling/cost/${path}`)
            .set('Authorization', mockCredentials.user.header());
          expect(response.status).toBe(200);
          return response.body;
        }

        it('stores what OpenCost reports, to the cent, and re-ingesting changes nothing', async () => {
          const first = await backfill({ start: day, end: nextDay });
          expect(first.status).toBe(200);
          expect(
            (first.body as CostBackfillResult).runs.map(r => [
              r.cluster,
              r.status,
            ]),
          ).toEqual(REGIONS.map(region => [`meschain-${region}`, 'complete']));

          const entries = (
            await Promise.all(REGIONS.map(sourceEntries))
          ).flat();
          const sourceTotal = entries.reduce((s, e) => s + e.totalCost, 0);
          const sourceLogging = entries
            .filter(
              e =>
                e.properties.labels?.backstage_io_kubernetes_id ===
                'logging-service',
            )
            .reduce((s, e) => s + e.totalCost, 0);
          expect(sourceLogging).toBeGreaterThan(0);

          const org = await get<OrgCost>(`org?${window}`);
          const logging = await get<EntityCost>(
            `entities/component/default/logging-service?${window}`,
          );
          expect(cents(org.total)).toBe(cents(sourceTotal));
          expect(cents(logging.total)).toBe(cents(sourceLogging));
          expect(logging.byRegion.map(r => r.key).sort()).toEqual(
            [...REGIONS].sort(),
          );

          await backfill({ start: day, end: nextDay });
          expect((await get<OrgCost>(`org?${window}`)).total).toBe(org.total);
          expect(
            (
              await get<EntityCost>(
                `entities/component/default/logging-service?${window}`,
              )
            ).total,
          ).toBe(logging.total);
        });

        it('gives a team the cost of the services it owns, by service and region', async () => {
          await backfill({ start: day, end: nextDay });
          const [logging, monitoring] = await Promise.all(
            ['logging-service', 'monitoring-service'].map(name =>
              get<EntityCost>(`entities/component/default/${name}?${window}`),
            ),
          );
          const platform = await get<TeamCost>(
            `teams/group/default/platform-team?${window}`,
          );
          expect(platform.byService.map(s => s.key).sort()).toEqual([
            'component:default/logging-service',
            'component:default/monitoring-service',
          ]);
          expect(cents(platform.total)).toBe(
            cents(logging.total + monitoring.total),
          );
          // Each of its two services: spot and reserved in each of the three
          // regions, and one right-sizing.
          expect(platform.savings.count).toBe(14);
        });

        it('sums the savings a team page shows from its services’ stored recommendations, with every cluster down', async () => {
          const backfilledFrom = Date.now();
          await backfill({ start: day, end: nextDay });
          const services = await Promise.all(
            ['logging-service', 'monitoring-service'].map(name =>
              get<CostRecommendations>(
                `entities/component/default/${name}/recommendations`,
              ),
            ),
          );
          const all = services.flatMap(s => s.recommendations);
          // Untiered, stateless and replicated in every region: spot and reserved.
          expect(all.map(r => r.kind)).toEqual(
            expect.arrayContaining(['spot', 'reserved']),
          );
          for (const recommendation of all) {
            expect(recommendation.monthlySavings).toBeGreaterThan(0);
            expect(recommendation.annualSavings).toBeCloseTo(
              recommendation.monthlySavings * 12,
              0,
            );
            expect(Object.keys(recommendation.inputs).length).toBeGreaterThan(
              0,
            );
          }
          // Worked out from yesterday's hours, the only ones ingested.
          const [recommendation] = all.filter(r => r.kind === 'reserved');
          expect(recommendation.inputs.hours).toBe(24);
          expect(services[0].window.end).toBe(
            new Date(yesterday.getTime() + 2 * DAY_MS)
              .toISOString()
              .slice(0, 10),
          );
          // Refreshed by this backfill, in one pass for every service.
          expect(Date.parse(services[0].computedAt!)).toBeGreaterThanOrEqual(
            backfilledFrom,
          );
          expect(Date.parse(services[0].computedAt!)).toBeLessThanOrEqual(
            Date.now(),
          );
          expect(services[1].computedAt).toBe(services[0].computedAt);

          // Team and org pages read the stored recommendations, not the clusters.
          for (const region of REGIONS) {
            sandbox.faults.set(region, { mode: 'down' });
          }
          const platform = await get<TeamCost>(
            `teams/group/default/platform-team?${window}`,
          );
          expect(platform.savings.count).toBe(all.length);
          expect(cents(platform.savings.monthly)).toBe(
            cents(all.reduce((s, r) => s + r.monthlySavings, 0)),
          );
          expect(platform.savings.window).toEqual(services[0].window);
          const org = await get<OrgCost>(`org?${window}`);
          expect(org.savings.monthly).toBeGreaterThan(platform.savings.monthly);
        });

        it('keeps a region that cannot be read as failed, naming it, with what was stored before', async () => {
          await backfill({ start: day, end: nextDay });
          const before = await get<OrgCost>(`org?${window}`);
          await request(sandbox.httpUrl)
            .post('/_sandbox/clusters/eu-west/fault')
            .set('Authorization', `Bearer ${sandbox.adminToken}`)
            .send({ mode: 'error500' });

          const response = await backfill({ start: day, end: nextDay });

          expect(response.status).toBe(200);
          const failed = (response.body as CostBackfillResult).runs.filter(
            r => r.status === 'failed',
          );
          expect(failed).toEqual([
            expect.objectContaining({
              cluster: 'meschain-eu-west',
              region: 'eu-west',
              reason: expect.stringContaining('answered 500'),
            }),
          ]);
          const after = await get<OrgCost>(`org?${window}`);
          expect(after.total).toBe(before.total);
          expect(after.incomplete).toEqual([
            expect.objectContaining({ cluster: 'meschain-eu-west', date: day }),
          ]);
        });

        it.each([
          [{ start: nextDay, end: day }, 'must be before end'],
          [{ start: '2026-02-30', end: nextDay }, 'not a calendar date'],
          [
            { start: day, end: nextDay, clusters: ['mars'] },
            'Unknown cost cluster(s): mars',
          ],
          [{ start: day }, 'end'],
        ])(
          'refuses the backfill %p with a 400 naming the problem',
          async (body, message) => {
            const response = await backfill(body);
            expect(response.status).toBe(400);
            expect(response.body.error.message).toContain(message);
          },
        );

        it('refuses a backfill to a caller without scaling.cost.backfill', async () => {
          mayBackfill = false;
          try {
            const response = await backfill({ start: day, end: nextDay });
            expect(response.status).toBe(403);
          } finally {
            mayBackfill = true;
          }
        });
      },
    );
  },
);
