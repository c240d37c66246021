import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  DrCheck,
  EntityRegions,
  parseQuantity,
  RegionFacts,
  RegionsOverview,
  ServiceDrReadiness,
} from '@meschain/backstage-plugin-scaling-common';
import {
  RegionCatalog,
  scalingRegionsExtensionPoint,
} from '@meschain/backstage-plugin-scaling-node';
import request from 'supertest';
import {
  CLUSTER_TARGET,
  ClusterTarget,
  describeSandboxOnly,
  startClusterTarget,
} from './__testUtils__/clusterTarget';
import { readWhileStill } from './__testUtils__/readWhileStill';
import { loadUpstreamAuthStrategies } from './__testUtils__/upstreamAuthStrategies';
import { scalingPlugin } from './plugin';
import { serviceEntity } from './__testUtils__/serviceEntity';

const NAMESPACE = 'meschain-sync';
const GIB = 1024 ** 3;
const MIB = 1024 ** 2;

/** The demo's regions: id, coordinates, role and DR partner. */
const REGIONS = [
  {
    id: 'us-east',
    latitude: 39.04,
    longitude: -77.49,
    role: 'primary',
    drPartner: 'us-west',
  },
  {
    id: 'eu-west',
    latitude: 53.35,
    longitude: -6.26,
    role: 'primary',
    drPartner: 'eu-central',
  },
  {
    id: 'ap-southeast',
    latitude: 1.35,
    longitude: 103.82,
    role: 'primary',
    drPartner: 'ap-northeast',
  },
  {
    id: 'tr-central',
    latitude: 39.93,
    longitude: 32.86,
    role: 'primary',
    drPartner: 'eu-central',
  },
  {
    id: 'us-west',
    latitude: 45.84,
    longitude: -119.7,
    role: 'dr',
    drPartner: 'us-east',
  },
  {
    id: 'eu-central',
    latitude: 50.11,
    longitude: 8.68,
    role: 'dr',
    drPartner: 'eu-west',
  },
  {
    id: 'ap-northeast',
    latitude: 35.68,
    longitude: 139.65,
    role: 'dr',
    drPartner: 'ap-southeast',
  },
];
const TR_CENTRAL_PRICING = { cpuCoreHour: 0.029081, memoryGiBHour: 0.003898 };

type ClusterNode = {
  status: {
    allocatable: { cpu: string; memory: string };
    conditions: Array<{ type: string; status: string }>;
  };
};
type ClusterPod = {
  spec: {
    nodeName?: string;
    containers: Array<{
      resources?: { requests?: { cpu?: string; memory?: string } };
    }>;
  };
  status: { phase: string };
};
type ClusterWorkload = {
  metadata: { labels?: Record<string, string> };
  spec: {
    replicas: number;
    template: {
      spec: {
        containers: Array<{
          image: string;
          resources: { requests: { cpu: string; memory: string } };
        }>;
      };
    };
  } & Record<string, unknown>;
  status?: {
    readyReplicas?: number;
    stableRS?: string;
    currentPodHash?: string;
  };
};

function service(name: string, owner: string): Entity {
  return serviceEntity(name, { owner });
}

function regionsConfig() {
  return REGIONS.map(region => ({
    ...region,
    displayName: region.id,
    pricing: region.id === 'tr-central' ? TR_CENTRAL_PRICING : undefined,
    clusters: [`meschain-${region.id}`],
  }));
}

function checkOf(readiness: ServiceDrReadiness | undefined, id: DrCheck['id']) {
  return readiness?.checks.find(check => check.id === id);
}

// The real control plane takes a minute or two to start and settle.
jest.setTimeout(CLUSTER_TARGET === 'sandbox' ? 30_000 : 300_000);

const sum = (values: string[]) =>
  values.reduce((total, value) => total + parseQuantity(value), 0);

describe(`GET /regions, against the ${CLUSTER_TARGET}`, () => {
  let target: ClusterTarget;

  beforeAll(async () => {
    target = await startClusterTarget({ regions: REGIONS.map(({ id }) => id) });
    await loadUpstreamAuthStrategies();
  });

  afterAll(() => target?.close());

  afterEach(() => target.clearFaults());

  function backendConfig(scaling: Record<string, unknown> = {}) {
    return {
      kubernetes: target.kubernetesConfig(REGIONS.map(({ id }) => id)),
      scaling: {
        clusterTimeoutMs: target.clusterTimeoutMs,
        regions: regionsConfig(),
        edgeLocations: [
          {
            id: 'cdn-ist',
            kind: 'cdn-pop',
            city: 'Istanbul',
            country: 'TR',
            latitude: 41.01,
            longitude: 28.98,
            region: 'tr-central',
          },
        ],
        ...scaling,
      },
    };
  }

  async function startBackend(
    scaling: Record<string, unknown> = {},
    regionCatalog?: RegionCatalog,
  ) {
    const { server } = await startTestBackend({
      features: [
        scalingPlugin,
        ...(regionCatalog ? [regionCatalogModule(regionCatalog)] : []),
        mockServices.rootConfig.factory({ data: backendConfig(scaling) }),
        mockServices.database.factory(),
        catalogServiceMock.factory({
          entities: [
            service('order-service', 'commerce-team'),
            service('analytics-service', 'data-team'),
            service('marketplace-service', 'integrations-team'),
          ],
        }),
      ],
    });
    return server;
  }

  function regionCatalogModule(regionCatalog: RegionCatalog) {
    return createBackendModule({
      pluginId: 'scaling',
      moduleId: 'test-region-catalog',
      register(env) {
        env.registerInit({
          deps: { regions: scalingRegionsExtensionPoint },
          async init({ regions }) {
            regions.setRegionCatalog(regionCatalog);
          },
        });
      },
    });
  }

  async function overview(server: Awaited<ReturnType<typeof startBackend>>) {
    const response = await request(server).get('/api/scaling/regions');
    expect(response.status).toBe(200);
    return response.body as RegionsOverview;
  }

  function readinessOf(
    body: RegionsOverview,
    kubernetesId: string,
    primary: string,
  ) {
    return body.dr.services.find(
      s => s.kubernetesId === kubernetesId && s.primaryRegion === primary,
    );
  }

  /** What a region's cluster lists, summed as the capacity view sums it: the test's own witness. */
  async function listedCapacity(region: string) {
    const nodes = await target.read<{ items: ClusterNode[] }>(
      region,
      '/api/v1/nodes',
    );
    const pods = await target.read<{ items: ClusterPod[] }>(
      region,
      '/api/v1/pods',
    );
    const requests = pods.items
      .filter(
        pod =>
          pod.spec.nodeName &&
          !['Succeeded', 'Failed'].includes(pod.status.phase),
      )
      .flatMap(pod =>
        pod.spec.containers.map(c => c.resources?.requests ?? {}),
      );
    return {
      nodes: nodes.items.length,
      allocatableCpuCores: sum(nodes.items.map(n => n.status.allocatable.cpu)),
      allocatableMemoryBytes: sum(
        nodes.items.map(n => n.status.allocatable.memory),
      ),
      requestedCpuCores: sum(requests.map(r => r.cpu ?? '0')),
      requestedMemoryBytes: sum(requests.map(r => r.memory ?? '0')),
    };
  }

  const workloadPath = (kind: 'Deployment' | 'Rollout', name: string) =>
    kind === 'Deployment'
      ? `/apis/apps/v1/namespaces/${NAMESPACE}/deployments/${name}`
      : `/apis/argoproj.io/v1alpha1/namespaces/${NAMESPACE}/rollouts/${name}`;

  /** A workload as its cluster holds it, with the requests of all its desired replicas. */
  async function listedWorkload(
    region: string,
    kind: 'Deployment' | 'Rollout',
    name: string,
  ) {
    const workload = await target.read<ClusterWorkload>(
      region,
      workloadPath(kind, name),
    );
    const [container] = workload.spec.template.spec.containers;
    return {
      workload,
      replicas: workload.spec.replicas,
      ready: workload.status?.readyReplicas ?? 0,
      requested: {
        // In millicores first, as the view sums them.
        cpuCores:
          (Math.round(parseQuantity(container.resources.requests.cpu) * 1000) *
            workload.spec.replicas) /
          1000,
        memoryBytes:
          parseQuantity(container.resources.requests.memory) *
          workload.spec.replicas,
      },
    };
  }

  /** A workload's replicas and requests alone, which hold still while its status is rewritten. */
  async function listedReplicas(
    region: string,
    kind: 'Deployment' | 'Rollout',
    name: string,
  ) {
    const { replicas, ready, requested } = await listedWorkload(
      region,
      kind,
      name,
    );
    return { replicas, ready, requested };
  }

  it('reports capacity equal to the sums of the nodes and pods the cluster holds', async () => {
    const server = await startBackend();
    const {
      reported: body,
      listed: { capacity: listed, order },
    } = await readWhileStill(
      () => overview(server),
      async () => ({
        capacity: await listedCapacity('tr-central'),
        order: await listedReplicas('tr-central', 'Rollout', 'order-service'),
      }),
    );
    const trCentral = body.regions.find(r => r.region.id === 'tr-central')!;

    // Four m6i.xlarge nodes of the fleet, 3920m and 14.8Gi each.
    expect(trCentral.capacity).toMatchObject({ nodes: 4, readyNodes: 4 });
    expect(trCentral.capacity.allocatable.cpuCores).toBe(15.68);
    expect(trCentral.capacity.allocatable.memoryBytes).toBeCloseTo(
      4 * 14.8 * GIB,
      0,
    );
    // The same sums from what the cluster itself lists, read independently.
    expect(listed.nodes).toBe(4);
    expect(trCentral.capacity.allocatable.memoryBytes).toBeCloseTo(
      listed.allocatableMemoryBytes,
      0,
    );
    expect(trCentral.capacity.requested.memoryBytes).toBe(
      listed.requestedMemoryBytes,
    );
    expect(trCentral.capacity.requested.cpuCores).toBeCloseTo(
      listed.requestedCpuCores,
      6,
    );
    expect(trCentral.capacity.free.cpuCores).toBeCloseTo(
      15.68 - listed.requestedCpuCores,
      6,
    );

    // Cost at current usage: requested cores and GiB at the region's prices.
    const hourly =
      listed.requestedCpuCores * TR_CENTRAL_PRICING.cpuCoreHour +
      (listed.requestedMemoryBytes / GIB) * TR_CENTRAL_PRICING.memoryGiBHour;
    expect(trCentral.cost.hourly).toBeCloseTo(hourly, 4);
    expect(trCentral.cost.monthly).toBeCloseTo(hourly * 730, 2);

    expect(trCentral.health).toBe('healthy');
    expect(trCentral.latency.measuredMs).toBeGreaterThan(0);
    expect(trCentral.services.map(s => s.kubernetesId).sort()).toEqual([
      'analytics-service',
      'logging-service',
      'marketplace-service',
      'monitoring-service',
      'notification-service',
      'order-service',
      'product-service',
      'user-service',
    ]);
    expect(
      trCentral.services.find(s => s.kubernetesId === 'order-service'),
    ).toMatchObject({
      entityRef: 'component:default/order-service',
      owner: 'commerce-team',
      system: 'meschain-sync',
      cluster: 'meschain-tr-central',
      workload: { kind: 'Rollout', name: 'order-service' },
      replicas: { desired: order.replicas, ready: order.ready },
      images: ['meschain/order-service:1.9.3'],
      requested: order.requested,
    });
    expect(body.edgeLocations).toEqual([
      expect.objectContaining({
        id: 'cdn-ist',
        kind: 'cdn-pop',
        region: 'tr-central',
      }),
    ]);
  });

  describeSandboxOnly(
    'a real HPA controller sizes the seeded workloads on live load, so only the frozen sandbox keeps the fleet’s replicas',
    'figures worked out by hand from the fleet',
    () => {
      it('requests and costs what the fleet’s replicas request', async () => {
        const server = await startBackend();
        const trCentral = (await overview(server)).regions.find(
          r => r.region.id === 'tr-central',
        )!;
        // 3×250m + 3×300m + 3×400m + 2×300m + 2×500m + 2×200m + 2×250m + 2×200m of requests.
        expect(trCentral.capacity.requested.cpuCores).toBe(5.75);
        expect(trCentral.capacity.requested.memoryBytes).toBe(8576 * MIB);
        expect(trCentral.capacity.free.cpuCores).toBe(9.93);
        const hourly =
          5.75 * TR_CENTRAL_PRICING.cpuCoreHour +
          (8576 / 1024) * TR_CENTRAL_PRICING.memoryGiBHour;
        expect(trCentral.cost.hourly).toBeCloseTo(hourly, 4);
        expect(
          trCentral.services.find(s => s.kubernetesId === 'order-service'),
        ).toMatchObject({
          replicas: { desired: 3, ready: 3 },
          requested: { cpuCores: 1.2, memoryBytes: 1536 * MIB },
        });
      });
    },
  );

  it('reports a region degraded, without the node, while one of its nodes is not Ready', async () => {
    const server = await startBackend();
    const listed = await listedCapacity('tr-central');
    // A node whose kubelet registered but never turned Ready (no kwok manages it).
    const node = 'tr-central-general-9';
    await target.write('tr-central', {
      method: 'POST',
      path: '/api/v1/nodes',
      body: {
        apiVersion: 'v1',
        kind: 'Node',
        metadata: { name: node, labels: { 'kubernetes.io/hostname': node } },
      },
    });
    const trCentral = async () =>
      (await overview(server)).regions.find(r => r.region.id === 'tr-central')!;
    try {
      await target.write('tr-central', {
        method: 'PATCH',
        path: `/api/v1/nodes/${node}/status`,
        contentType: 'application/merge-patch+json',
        body: {
          status: {
            allocatable: { cpu: '3920m', memory: '14.8Gi', pods: '58' },
            capacity: { cpu: '4', memory: '16Gi', pods: '58' },
            conditions: [
              {
                type: 'Ready',
                status: 'False',
                reason: 'KubeletNotReady',
                message: 'container runtime network not ready',
                lastHeartbeatTime: new Date().toISOString(),
                lastTransitionTime: new Date().toISOString(),
              },
            ],
          },
        },
      });
      const degraded = await trCentral();
      expect(degraded.health).toBe('degraded');
      expect(degraded.capacity).toMatchObject({ nodes: 5, readyNodes: 4 });
      // Only Ready nodes count towards what can be scheduled.
      expect(degraded.capacity.allocatable.cpuCores).toBeCloseTo(
        listed.allocatableCpuCores,
        6,
      );
    } finally {
      await target.write('tr-central', {
        method: 'DELETE',
        path: `/api/v1/nodes/${node}`,
      });
    }
    expect((await trCentral()).health).toBe('healthy');
  });

  it('returns the other regions, and names the failed cluster, when one cluster is down', async () => {
    const server = await startBackend();
    await target.fault('eu-west', { mode: 'down' });

    const body = await overview(server);

    const euWest = body.regions.find(r => r.region.id === 'eu-west')!;
    expect(euWest.health).toBe('down');
    expect(euWest.errors).toEqual([
      expect.objectContaining({
        cluster: 'meschain-eu-west',
        message: expect.any(String),
      }),
    ]);
    expect(euWest.clusters).toEqual([
      expect.objectContaining({ name: 'meschain-eu-west', reachable: false }),
    ]);
    expect(euWest.services).toEqual([]);
    const others = body.regions.filter(r => r.region.id !== 'eu-west');
    expect(others).toHaveLength(6);
    for (const region of others) {
      expect(region).toMatchObject({ health: 'healthy', errors: [] });
      expect(region.capacity.readyNodes).toBeGreaterThan(0);
    }
    // A check that needed the failed region's figures does not claim a failure it did not see.
    expect(readinessOf(body, 'order-service', 'eu-west')).toBeUndefined();
  });

  it("says unknown, not fail, when the partner region's cluster is down", async () => {
    const server = await startBackend();
    await target.fault('eu-central', { mode: 'down' });

    const readiness = readinessOf(
      await overview(server),
      'order-service',
      'tr-central',
    );

    expect(readiness?.verdict).toBe('unknown');
    expect(readiness?.checks.map(check => [check.id, check.verdict])).toEqual([
      ['deployed-in-partner', 'unknown'],
      ['same-image', 'unknown'],
      ['partner-capacity', 'unknown'],
      ['scale-up-time', 'unknown'],
    ]);
  });

  /** Waits until no pod of `app.kubernetes.io/name=<name>` is left in a region. */
  const podsGone = (region: string, name: string) =>
    target.waitUntil(
      `the pods of ${name} gone from ${region}`,
      () =>
        target.read<{ items: unknown[] }>(
          region,
          `/api/v1/namespaces/${NAMESPACE}/pods?labelSelector=app.kubernetes.io%2Fname%3D${name}`,
        ),
      pods => pods.items.length === 0,
      { seconds: 60 },
    );

  it('fails the DR check when the partner lacks the service, and passes once it is deployed there', async () => {
    const server = await startBackend();
    const before = readinessOf(
      await overview(server),
      'analytics-service',
      'tr-central',
    );
    expect(before).toMatchObject({
      partnerRegion: 'eu-central',
      verdict: 'fail',
      owner: 'data-team',
    });
    expect(checkOf(before, 'deployed-in-partner')).toMatchObject({
      verdict: 'fail',
      figures: { partnerReplicas: 0 },
    });

    const { workload: primary } = await listedWorkload(
      'tr-central',
      'Deployment',
      'analytics-service',
    );
    const deployment = workloadPath('Deployment', 'analytics-service');
    await target.write('eu-central', {
      method: 'POST',
      path: `/apis/apps/v1/namespaces/${NAMESPACE}/deployments`,
      body: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: {
          name: 'analytics-service',
          namespace: NAMESPACE,
          labels: primary.metadata.labels,
        },
        spec: { ...primary.spec, replicas: 1 },
      },
    });
    await target.waitUntil(
      'the partner’s Deployment ready',
      () => target.read<ClusterWorkload>('eu-central', deployment),
      d => d.status?.readyReplicas === 1,
      { seconds: 60 },
    );

    const after = readinessOf(
      await overview(server),
      'analytics-service',
      'tr-central',
    );
    expect(checkOf(after, 'deployed-in-partner')).toMatchObject({
      verdict: 'pass',
      figures: { partnerReplicas: 1, partnerReadyReplicas: 1 },
    });
    expect(checkOf(after, 'same-image')).toMatchObject({
      verdict: 'pass',
      figures: {
        primaryImages: ['meschain/analytics-service:0.18.2'],
        partnerImages: ['meschain/analytics-service:0.18.2'],
      },
    });
    expect(after?.verdict).toBe('pass');

    await target.write('eu-central', { method: 'DELETE', path: deployment });
    await podsGone('eu-central', 'analytics-service');
    expect(
      checkOf(
        readinessOf(await overview(server), 'analytics-service', 'tr-central'),
        'deployed-in-partner',
      )?.verdict,
    ).toBe('fail');
  });

  it('fails the DR check when the partner runs another image, and passes once it runs the same', async () => {
    const server = await startBackend();
    const rollout = workloadPath('Rollout', 'marketplace-service');
    const before = readinessOf(
      await overview(server),
      'marketplace-service',
      'tr-central',
    );
    expect(checkOf(before, 'same-image')).toMatchObject({
      verdict: 'fail',
      figures: {
        primaryImages: ['meschain/marketplace-service:1.12.0'],
        partnerImages: ['meschain/marketplace-service:1.11.4'],
      },
    });
    expect(before?.verdict).toBe('fail');

    const patchImage = (image: string) =>
      target.write('eu-central', {
        method: 'PATCH',
        path: rollout,
        contentType: 'application/json-patch+json',
        body: [
          {
            op: 'replace',
            path: '/spec/template/spec/containers/0/image',
            value: image,
          },
        ],
      });
    await patchImage('meschain/marketplace-service:1.12.0');
    const after = readinessOf(
      await overview(server),
      'marketplace-service',
      'tr-central',
    );
    expect(checkOf(after, 'same-image')).toMatchObject({
      verdict: 'pass',
      figures: { partnerImages: ['meschain/marketplace-service:1.12.0'] },
    });
    await patchImage('meschain/marketplace-service:1.11.4');
    // Back on its stable revision, as the next tests expect the partner.
    await target.waitUntil(
      'the partner’s rollout back on its stable revision',
      () => target.read<ClusterWorkload>('eu-central', rollout),
      r =>
        r.status?.stableRS !== undefined &&
        r.status.stableRS === r.status.currentPodHash &&
        r.status.readyReplicas === r.spec.replicas,
      { seconds: 60 },
    );
  });

  it('fails the DR check when the partner lacks free capacity, and passes once it is freed', async () => {
    const server = await startBackend();
    const { reported, listed: order } = await readWhileStill(
      () => overview(server),
      () => listedReplicas('tr-central', 'Rollout', 'order-service'),
    );
    const before = readinessOf(reported, 'order-service', 'tr-central');
    // The primary's pods of 400m and 512Mi each.
    expect(checkOf(before, 'partner-capacity')).toMatchObject({
      verdict: 'pass',
      figures: { needed: order.requested },
    });

    // Ballast that takes all but a few hundred millicores of eu-central's three 1930m nodes.
    const ballast = `/apis/apps/v1/namespaces/${NAMESPACE}/deployments`;
    await target.write('eu-central', {
      method: 'POST',
      path: ballast,
      body: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'ballast', namespace: NAMESPACE },
        spec: {
          replicas: 22,
          selector: { matchLabels: { 'app.kubernetes.io/name': 'ballast' } },
          template: {
            metadata: { labels: { 'app.kubernetes.io/name': 'ballast' } },
            spec: {
              containers: [
                {
                  name: 'ballast',
                  image: 'pause:3.9',
                  resources: { requests: { cpu: '200m', memory: '64Mi' } },
                },
              ],
            },
          },
        },
      },
    });
    const partnerCapacity = (body: RegionsOverview) =>
      checkOf(
        readinessOf(body, 'order-service', 'tr-central'),
        'partner-capacity',
      );
    const full = await target.waitUntil(
      'the ballast scheduled onto eu-central',
      () => overview(server),
      body => partnerCapacity(body)?.verdict === 'fail',
      { seconds: 60 },
    );
    const euCentral = full.regions.find(r => r.region.id === 'eu-central')!;
    expect(partnerCapacity(full)).toMatchObject({
      verdict: 'fail',
      figures: { partnerFree: euCentral.capacity.free },
    });
    expect(euCentral.capacity.free.cpuCores).toBeLessThan(
      order.requested.cpuCores,
    );

    await target.write('eu-central', {
      method: 'DELETE',
      path: `${ballast}/ballast`,
    });
    await podsGone('eu-central', 'ballast');
    expect(partnerCapacity(await overview(server))?.verdict).toBe('pass');
  });

  it("fails the DR check when the partner's autoscaler cannot reach the primary's load, and passes within its limits", async () => {
    const server = await startBackend();
    const scaleUpTime = async () =>
      checkOf(
        readinessOf(await overview(server), 'order-service', 'tr-central'),
        'scale-up-time',
      );
    const {
      reported: withinLimits,
      listed: { primary, partner },
    } = await readWhileStill(scaleUpTime, async () => ({
      primary: await listedReplicas('tr-central', 'Rollout', 'order-service'),
      partner: await listedReplicas('eu-central', 'Rollout', 'order-service'),
    }));
    const toReplicas = partner.replicas + primary.replicas;
    expect(withinLimits).toMatchObject({
      verdict: 'pass',
      figures: {
        fromReplicas: partner.replicas,
        toReplicas,
        maxReplicas: 10,
        minutes: expect.any(Number),
        limitMinutes: 10,
      },
    });

    const hpa = `/apis/autoscaling/v2/namespaces/${NAMESPACE}/horizontalpodautoscalers/order-service`;
    const setMaxReplicas = (maxReplicas: number) =>
      target.write('eu-central', {
        method: 'PATCH',
        path: hpa,
        contentType: 'application/merge-patch+json',
        body: { spec: { maxReplicas } },
      });
    try {
      await setMaxReplicas(toReplicas - 1);
      expect(await scaleUpTime()).toMatchObject({
        verdict: 'fail',
        figures: { toReplicas, maxReplicas: toReplicas - 1 },
      });

      await setMaxReplicas(toReplicas);
      expect(await scaleUpTime()).toMatchObject({
        verdict: 'pass',
        figures: { toReplicas, maxReplicas: toReplicas },
      });
    } finally {
      await setMaxReplicas(10);
    }
  });

  describeSandboxOnly(
    'a real HPA controller sizes the primary on live load, so only the frozen sandbox keeps the fleet’s three replicas',
    'the scale-up time worked out by hand',
    () => {
      it('takes one HPA sync period to go from 1 to 4 replicas', async () => {
        const server = await startBackend();
        // 1 + 3 replicas; the default +4 pods per 15 s gets there in one sync period.
        expect(
          checkOf(
            readinessOf(await overview(server), 'order-service', 'tr-central'),
            'scale-up-time',
          ),
        ).toMatchObject({
          verdict: 'pass',
          figures: { fromReplicas: 1, toReplicas: 4, minutes: 0.25 },
        });
      });
    },
  );

  it('gives one region, and 404 for an unknown one', async () => {
    const server = await startBackend();
    const response = await request(server).get(
      '/api/scaling/regions/tr-central',
    );
    expect(response.status).toBe(200);
    expect((response.body as RegionFacts).region).toMatchObject({
      id: 'tr-central',
      latitude: 39.93,
      longitude: 32.86,
      drRegion: 'eu-central',
    });
    const missing = await request(server).get('/api/scaling/regions/sa-east');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain("'sa-east'");
    expect(
      (await request(server).get('/api/scaling/regions/NOT_AN_ID')).status,
    ).toBe(400);
  });

  it("gives an entity's regions, replicas and DR verdict", async () => {
    const server = await startBackend();
    const { reported: body, listed: partner } = await readWhileStill(
      async () => {
        const response = await request(server).get(
          '/api/scaling/entities/component/default/order-service/regions',
        );
        expect(response.status).toBe(200);
        return response.body as EntityRegions;
      },
      () => listedReplicas('eu-central', 'Rollout', 'order-service'),
    );
    expect(body.entityRef).toBe('component:default/order-service');
    expect(body.regions.map(r => r.id).sort()).toEqual(
      REGIONS.map(r => r.id).sort(),
    );
    expect(
      body.placements.find(p => p.region === 'eu-central')?.replicas,
    ).toEqual({ desired: partner.replicas, ready: partner.ready });
    expect(body.dr.map(d => d.primaryRegion).sort()).toEqual([
      'ap-southeast',
      'eu-west',
      'tr-central',
      'us-east',
    ]);
    expect(body.verdict).toBe(
      body.dr.some(d => d.verdict === 'fail') ? 'fail' : 'pass',
    );
    expect(
      (
        await request(server).get(
          '/api/scaling/entities/component/default/no-such-service/regions',
        )
      ).status,
    ).toBe(404);
  });

  it.each([
    [
      'an unknown DR partner',
      (regions: ReturnType<typeof regionsConfig>) => {
        regions[3].drPartner = 'eu-south';
      },
      "scaling.regions[3].drPartner 'eu-south' is not the id of a configured region",
    ],
    [
      'missing coordinates',
      (regions: ReturnType<typeof regionsConfig>) => {
        delete (regions[2] as Partial<(typeof regions)[2]>).latitude;
      },
      'scaling.regions[2].latitude is missing',
    ],
    [
      'duplicate ids',
      (regions: ReturnType<typeof regionsConfig>) => {
        regions[5].id = 'eu-west';
      },
      "scaling.regions[5].id 'eu-west' duplicates scaling.regions[1].id",
    ],
  ])(
    'stops start-up on %s, naming the key',
    async (_, breakConfig, message) => {
      const regions = regionsConfig();
      breakConfig(regions);
      await expect(startBackend({ regions })).rejects.toThrow(message);
    },
  );

  it('takes its regions from a RegionCatalog set through the extension point', async () => {
    const server = await startBackend(
      {},
      {
        listRegions: async () => [
          {
            id: 'turkey',
            displayName: 'Türkiye, from the catalog',
            role: 'primary',
            latitude: 39.93,
            longitude: 32.86,
            clusters: ['meschain-tr-central'],
          },
        ],
      },
    );
    const { reported: body, listed } = await readWhileStill(
      () => overview(server),
      () => listedCapacity('tr-central'),
    );
    expect(body.regions.map(r => r.region.displayName)).toEqual([
      'Türkiye, from the catalog',
    ]);
    expect(body.regions[0].capacity.requested.cpuCores).toBeCloseTo(
      listed.requestedCpuCores,
      6,
    );
    // A catalog without edge locations lists none; one without a DR partner fails every service's readiness.
    expect(body.edgeLocations).toEqual([]);
    expect(readinessOf(body, 'order-service', 'turkey')).toMatchObject({
      verdict: 'fail',
      checks: [],
    });
  });
});
