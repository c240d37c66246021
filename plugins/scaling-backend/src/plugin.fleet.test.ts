import {
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  SignalPayload,
  signalsServiceRef,
} from '@backstage/plugin-signals-node';
import {
  DEFAULT_SIGNAL_WINDOW,
  FLEET_SIGNAL_CHANNEL,
  FleetCell,
  fleetGoldenSignalQuery,
  FleetOverview,
  FleetSignal,
} from '@meschain/backstage-plugin-scaling-common';
import {
  MetricSample,
  MetricsSource,
  scalingMetricsExtensionPoint,
} from '@meschain/backstage-plugin-scaling-node';
import request from 'supertest';
import {
  CLUSTER_TARGET,
  ClusterTarget,
  clusterName,
  startClusterTarget,
} from './__testUtils__/clusterTarget';
import { loadUpstreamAuthStrategies } from './__testUtils__/upstreamAuthStrategies';
import { clusterEntity, serviceEntity } from './__testUtils__/serviceEntity';
import { scalingPlugin } from './plugin';

const NAMESPACE = 'meschain-sync';
const REGIONS = [
  { id: 'us-east', role: 'primary', drPartner: 'us-west' },
  { id: 'us-west', role: 'dr', drPartner: 'us-east' },
  { id: 'eu-west', role: 'primary' },
];
const REGION_IDS = REGIONS.map(region => region.id);
const PLATFORM_SERVICE = 'logging-service';
const DATA_SERVICE = 'analytics-service';
const COMMERCE_SERVICE = 'order-service';
const entityRef = (name: string) => `component:default/${name}`;
/** What the issue asks of a change made anywhere: on the page within 5 s. */
const LIVE_WITHIN_MS = 5_000;

jest.setTimeout(CLUSTER_TARGET === 'sandbox' ? 60_000 : 300_000);

type Deployment = {
  spec: { replicas: number };
  status?: { readyReplicas?: number };
};

/**
 * A Prometheus as the fleet asks it: each signal of every service at once.
 * It answers the error ratios set in `errorRatios` (`service|region`), with
 * traffic and a fast p95 beside them, and nothing for the other cells.
 */
function fleetMetricsSource(errorRatios: Map<string, number>): MetricsSource {
  const figures: Record<string, (ratio: number) => number> = {
    [fleetGoldenSignalQuery('requestRate', DEFAULT_SIGNAL_WINDOW)]: () => 10,
    [fleetGoldenSignalQuery('errorRatio', DEFAULT_SIGNAL_WINDOW)]: ratio =>
      ratio,
    [fleetGoldenSignalQuery('latencyP95', DEFAULT_SIGNAL_WINDOW)]: () => 0.05,
  };
  return {
    async query(promql, { region }) {
      const figure = figures[promql];
      if (!figure) throw new Error(`Not a fleet query: ${promql}`);
      return [...errorRatios].flatMap(([key, ratio]): MetricSample[] => {
        const [service, cellRegion] = key.split('|');
        return cellRegion === region
          ? [{ labels: { service, region }, time: 0, value: figure(ratio) }]
          : [];
      });
    },
    async queryRange() {
      return [];
    },
  };
}

describe(`GET /fleet and its signals, against the ${CLUSTER_TARGET}`, () => {
  let target: ClusterTarget;
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  const published: SignalPayload[] = [];
  const errorRatios = new Map<string, number>();

  beforeAll(async () => {
    target = await startClusterTarget({ regions: REGION_IDS, settle: false });
    await loadUpstreamAuthStrategies();
    const signals = createServiceFactory({
      service: signalsServiceRef,
      deps: {},
      factory: () => ({
        publish: async (signal: SignalPayload<any>) => {
          published.push(signal);
        },
      }),
    });
    ({ server } = await startTestBackend({
      features: [
        scalingPlugin,
        signals,
        createBackendModule({
          pluginId: 'scaling',
          moduleId: 'test-fleet-metrics',
          register(env) {
            env.registerInit({
              deps: { metrics: scalingMetricsExtensionPoint },
              async init({ metrics }) {
                metrics.setMetricsSource(fleetMetricsSource(errorRatios));
              },
            });
          },
        }),
        mockServices.rootConfig.factory({
          data: {
            kubernetes: target.kubernetesConfig(REGION_IDS),
            scaling: {
              clusterTimeoutMs: target.clusterTimeoutMs,
              stateCacheTtlMs: 60_000,
              regions: REGIONS.map(region => ({
                ...region,
                displayName: region.id,
                latitude: 0,
                longitude: 0,
                clusters: [clusterName(region.id)],
              })),
              // Watches of a second, so that every change below also tests
              // resuming from the last resourceVersion.
              fleet: {
                probeIntervalMs: 200,
                signalBatchMs: 50,
                watchSeconds: 1,
                signalsRefreshMs: 100,
              },
            },
          },
        }),
        mockServices.database.factory(),
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
        mockServices.permissions.mock({
          authorize: async requests =>
            requests.map(() => ({ result: AuthorizeResult.ALLOW })),
        }).factory,
        catalogServiceMock.factory({
          entities: [
            serviceEntity(PLATFORM_SERVICE, {
              owner: 'platform-team',
              tier: 'critical',
              regions: REGION_IDS,
            }),
            serviceEntity(DATA_SERVICE, { owner: 'data-team' }),
            serviceEntity(COMMERCE_SERVICE, {
              owner: 'commerce-team',
              tier: 'high',
            }),
            ...REGION_IDS.map(region =>
              clusterEntity(region, {
                role: region === 'us-west' ? 'dr' : 'primary',
              }),
            ),
          ],
        }),
      ],
    }));
    await eventually(
      'every cluster listed',
      () => fleet(),
      body =>
        body.services.length === 3 &&
        body.services.every(s => s.regions.every(cell => !cell.error)),
    );
  });

  afterAll(() => target?.close());

  afterEach(() => {
    errorRatios.clear();
    return target.clearFaults();
  });

  /** Filters as a browser sends them: each value URL-encoded. */
  async function fleet(
    filters: Array<[string, string]> = [],
  ): Promise<FleetOverview> {
    const query = filters.length ? `?${new URLSearchParams(filters)}` : '';
    const response = await request(server)
      .get(`/api/scaling/fleet${query}`)
      .set('Authorization', mockCredentials.user.header());
    if (response.status !== 200) {
      throw new Error(
        `GET /fleet${query} answered ${response.status}: ${JSON.stringify(
          response.body,
        )}`,
      );
    }
    return response.body;
  }

  async function eventually<T>(
    what: string,
    read: () => Promise<T>,
    done: (value: T) => boolean,
    withinMs = 20_000,
  ): Promise<T> {
    const started = Date.now();
    let value = await read();
    while (!done(value)) {
      if (Date.now() - started > withinMs) {
        throw new Error(
          `Not ${what} within ${withinMs} ms: ${JSON.stringify(value)}`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, 50));
      value = await read();
    }
    return value;
  }

  function cellOf(body: FleetOverview, name: string, region: string) {
    return body.services
      .find(s => s.entityRef === entityRef(name))
      ?.regions.find(cell => cell.region === region);
  }

  const deploymentPath = (name: string) =>
    `/apis/apps/v1/namespaces/${NAMESPACE}/deployments/${name}`;
  const autoscalerPath = (name: string) =>
    `/apis/autoscaling/v2/namespaces/${NAMESPACE}/horizontalpodautoscalers/${name}`;

  function fleetSignalsFor(name: string, region: string) {
    return published.filter(
      signal =>
        signal.channel === FLEET_SIGNAL_CHANNEL &&
        (signal.message as FleetSignal).cells.some(
          cell => cell.entityRef === entityRef(name) && cell.region === region,
        ),
    );
  }

  it("answers every service's cells per region from the clusters' objects", async () => {
    const body = await fleet();
    const deployment = await target.read<Deployment>(
      'us-east',
      deploymentPath(PLATFORM_SERVICE),
    );
    const autoscaler = await target.read<{ spec: { maxReplicas: number } }>(
      'us-east',
      autoscalerPath(PLATFORM_SERVICE),
    );

    expect(body.regions).toEqual(REGION_IDS);
    expect(body.services.map(s => s.entityRef)).toEqual(
      [DATA_SERVICE, PLATFORM_SERVICE, COMMERCE_SERVICE].map(entityRef),
    );
    const cell = cellOf(body, PLATFORM_SERVICE, 'us-east')!;
    expect(cell).toEqual(
      expect.objectContaining<Partial<FleetCell>>({
        region: 'us-east',
        cluster: 'meschain-us-east',
        replicas: {
          desired: deployment.spec.replicas,
          ready: deployment.status?.readyReplicas ?? 0,
        },
        rollout: null,
      }),
    );
    expect(cell.hpa).toEqual(
      expect.objectContaining({
        maxReplicas: autoscaler.spec.maxReplicas,
        unit: expect.any(String),
      }),
    );
    expect(cell.health).toMatch(/^(pass|warn|fail)$/);
    expect(cell.healthSummary).toContain(
      `of ${deployment.spec.replicas} pods ready`,
    );
    const drCells = body.services.flatMap(s =>
      s.regions.filter(c => c.region === 'us-west'),
    );
    expect(drCells.length).toBeGreaterThan(0);
    expect(drCells.map(c => c.dr)).toEqual(drCells.map(() => 'n/a'));
    expect(body.services[0]).toEqual(
      expect.objectContaining({
        owner: 'group:default/data-team',
        system: 'system:default/meschain-sync',
      }),
    );
  });

  it('filters by owner (full or short group refs), system, tier and health', async () => {
    const names = (body: FleetOverview) => body.services.map(s => s.entityRef);

    expect(
      names(await fleet([['owner', 'group:default/platform-team']])),
    ).toEqual([entityRef(PLATFORM_SERVICE)]);
    expect(
      names(
        await fleet([
          ['owner', 'platform-team'],
          ['owner', 'group:default/data-team'],
        ]),
      ),
    ).toEqual([entityRef(DATA_SERVICE), entityRef(PLATFORM_SERVICE)]);
    expect(names(await fleet([['owner', 'group:default/nobody']]))).toEqual([]);
    expect(
      names(await fleet([['system', 'system:default/meschain-sync']])),
    ).toHaveLength(3);
    expect(names(await fleet([['system', 'other']]))).toEqual([]);
    expect(names(await fleet([['tier', 'critical']]))).toEqual([
      entityRef(PLATFORM_SERVICE),
    ]);
    expect(names(await fleet([['tier', 'standard']]))).toEqual([
      entityRef(DATA_SERVICE),
    ]);

    const all = await fleet();
    const healths = new Set(
      all.services.flatMap(s => s.regions.map(cell => cell.health)),
    );
    for (const health of ['pass', 'warn', 'fail', 'unknown']) {
      const filtered = await fleet([['health', health]]);
      expect(names(filtered)).toEqual(
        names(all).filter(ref =>
          all.services
            .find(s => s.entityRef === ref)!
            .regions.some(cell => cell.health === health),
        ),
      );
      expect(filtered.services.length > 0).toBe(healths.has(health as any));
    }
  });

  it('shows a change made directly on the cluster, and signals its cell, within 5 s', async () => {
    // Past the end of the first watches: the change comes through resumed ones.
    await new Promise(resolve => setTimeout(resolve, 1_500));
    const before = await target.read<Deployment>(
      'eu-west',
      deploymentPath(DATA_SERVICE),
    );
    const wanted = before.spec.replicas + 2;
    const signalsBefore = fleetSignalsFor(DATA_SERVICE, 'eu-west').length;
    const started = Date.now();

    await target.write('eu-west', {
      method: 'PATCH',
      path: deploymentPath(DATA_SERVICE),
      body: { spec: { replicas: wanted } },
      contentType: 'application/merge-patch+json',
    });

    const seen = await eventually(
      'the new replicas in the fleet',
      () => fleet(),
      body =>
        cellOf(body, DATA_SERVICE, 'eu-west')?.replicas.desired === wanted,
      LIVE_WITHIN_MS,
    );
    await eventually(
      'a signal for the cell',
      async () => fleetSignalsFor(DATA_SERVICE, 'eu-west').length,
      count => count > signalsBefore,
      LIVE_WITHIN_MS - (Date.now() - started),
    );
    expect(cellOf(seen, DATA_SERVICE, 'us-east')?.replicas.desired).not.toBe(
      undefined,
    );
    const [signal] = fleetSignalsFor(DATA_SERVICE, 'eu-west').slice(-1);
    expect(signal.recipients).toEqual({ type: 'broadcast' });
    expect(signal.message).toEqual({
      type: 'changed',
      cells: expect.arrayContaining([
        { entityRef: entityRef(DATA_SERVICE), region: 'eu-west' },
      ]),
      at: expect.any(String),
    });
  });

  it('shows a scale made through the API, and signals its cell, within 5 s', async () => {
    const scalingState = () =>
      request(server)
        .get(
          `/api/scaling/entities/component/default/${PLATFORM_SERVICE}/scaling`,
        )
        .set('Authorization', mockCredentials.user.header());
    // The entity page's read, now cached.
    const cached = await scalingState();
    expect(
      cached.body.clusters.find(
        (c: { region: string }) => c.region === 'us-east',
      ).workloads[0].autoscaler,
    ).toBeDefined();
    // An HPA owns the replicas: take it away as an operator would.
    await target.write('us-east', {
      method: 'DELETE',
      path: autoscalerPath(PLATFORM_SERVICE),
    });
    await eventually(
      'the HPA gone from the fleet',
      () => fleet(),
      body => cellOf(body, PLATFORM_SERVICE, 'us-east')?.hpa === null,
      LIVE_WITHIN_MS,
    );
    const state = await scalingState();
    const workload = state.body.clusters.find(
      (c: { region: string }) => c.region === 'us-east',
    ).workloads[0];
    // The watch evicted the entity page's cached state: it sees no HPA either.
    expect(workload.autoscaler).toBeUndefined();
    const wanted = workload.replicas.desired + 1;
    const signalsBefore = fleetSignalsFor(PLATFORM_SERVICE, 'us-east').length;
    const started = Date.now();

    const scaled = await request(server)
      .post(`/api/scaling/entities/component/default/${PLATFORM_SERVICE}/scale`)
      .set('Authorization', mockCredentials.user.header())
      .send({
        cluster: clusterName('us-east'),
        workload: {
          kind: 'Deployment',
          namespace: NAMESPACE,
          name: PLATFORM_SERVICE,
        },
        replicas: wanted,
        resourceVersion: workload.resourceVersion,
      });
    expect(scaled.status).toBe(200);

    await eventually(
      'the scale in the fleet',
      () => fleet(),
      body =>
        cellOf(body, PLATFORM_SERVICE, 'us-east')?.replicas.desired === wanted,
      LIVE_WITHIN_MS,
    );
    await eventually(
      'a signal for the cell',
      async () => fleetSignalsFor(PLATFORM_SERVICE, 'us-east').length,
      count => count > signalsBefore,
      LIVE_WITHIN_MS - (Date.now() - started),
    );
  });

  it("names the region of a cluster that is down in its cells' error; the other regions answer", async () => {
    await target.fault('us-west', { mode: 'down' });

    const body = await eventually(
      'the fault in the fleet',
      () => fleet(),
      b => !!cellOf(b, PLATFORM_SERVICE, 'us-west')?.error,
      LIVE_WITHIN_MS + target.clusterTimeoutMs,
    );

    expect(cellOf(body, PLATFORM_SERVICE, 'us-west')?.error).toMatch(
      /^Region us-west: Cluster meschain-us-west /,
    );
    for (const region of ['us-east', 'eu-west']) {
      expect(cellOf(body, PLATFORM_SERVICE, region)?.error).toBeUndefined();
    }

    await target.clearFaults();
    await eventually(
      'the cluster back',
      () => fleet(),
      b => !cellOf(b, PLATFORM_SERVICE, 'us-west')?.error,
      LIVE_WITHIN_MS + target.clusterTimeoutMs,
    );
  });

  it("fails a cell whose error ratio burns the SLO's budget fast, with the check's summary, and recovers", async () => {
    const before = cellOf(await fleet(), COMMERCE_SERVICE, 'eu-west')!;
    expect(before.health).toBe('pass');

    errorRatios.set(`${COMMERCE_SERVICE}|eu-west`, 0.5);
    const failing = await eventually(
      'the error ratio in the fleet',
      () => fleet(),
      b => cellOf(b, COMMERCE_SERVICE, 'eu-west')?.health === 'fail',
    );

    // The default objectives: 99.9 % available, so half the requests failing burns it 500× as fast.
    expect(cellOf(failing, COMMERCE_SERVICE, 'eu-west')?.healthSummary).toBe(
      '50 % of requests fail, burning the error budget 500.0× as fast as it lasts',
    );
    expect(cellOf(failing, COMMERCE_SERVICE, 'us-east')).toEqual(
      cellOf(await fleet(), COMMERCE_SERVICE, 'us-east'),
    );
    expect(
      (await fleet([['health', 'fail']])).services.map(s => s.entityRef),
    ).toContain(entityRef(COMMERCE_SERVICE));

    errorRatios.clear();
    const recovered = await eventually(
      'the error ratio gone from the fleet',
      () => fleet(),
      b => cellOf(b, COMMERCE_SERVICE, 'eu-west')?.health === 'pass',
    );
    expect(cellOf(recovered, COMMERCE_SERVICE, 'eu-west')).toEqual(before);
  });
});
