import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  ClusterScalingState,
  EntityScalingState,
} from '@meschain/backstage-plugin-scaling-common';
import { scalingClustersExtensionPoint } from '@meschain/backstage-plugin-scaling-node';
import request from 'supertest';
import {
  approximately,
  isWithin,
  CLUSTER_TARGET,
  ClusterTarget,
  clusterName,
  startClusterTarget,
} from './__testUtils__/clusterTarget';
import { loadUpstreamAuthStrategies } from './__testUtils__/upstreamAuthStrategies';
import { scalingPlugin } from './plugin';
import { clusterEntity } from './__testUtils__/serviceEntity';

const PRIMARY_REGIONS = ['us-east', 'eu-west', 'ap-southeast', 'tr-central'];
const DR_REGIONS = ['us-west', 'eu-central', 'ap-northeast'];
const ALL_REGIONS = [...PRIMARY_REGIONS, ...DR_REGIONS];
/** Found through the catalog locator rather than config. */
const CATALOG_LOCATED_REGION = 'ap-northeast';
/** Reached through a proxy that hides its resource metrics API. */
const REGION_WITHOUT_METRICS = 'ap-southeast';
const NAMESPACE = 'meschain-sync';

/**
 * A workload as the fleet (the sandbox's `fleet/default.yaml`, which the real control plane is
 * seeded from too) defines it, written out: its HPA's bounds per region role, its metrics and
 * targets, and what each of its pods requests.
 */
type FleetWorkload = {
  kind: string;
  apiVersion: string;
  plural: string;
  name: string;
  bounds: Partial<
    Record<'primary' | 'dr', { minReplicas: number; maxReplicas: number }>
  >;
  metrics: Array<Record<string, unknown>>;
  requestsPerPod: { cpuMillicores: number; memoryBytes: number };
};

const MIB = 2 ** 20;

/** A canary Rollout with the `requests` preset; the DR regions run a warm standby. */
const ORDER_SERVICE: FleetWorkload = {
  kind: 'Rollout',
  apiVersion: 'argoproj.io/v1alpha1',
  plural: 'rollouts',
  name: 'order-service',
  bounds: {
    primary: { minReplicas: 3, maxReplicas: 25 },
    dr: { minReplicas: 1, maxReplicas: 10 },
  },
  metrics: [
    {
      type: 'Pods',
      name: 'http_requests_per_minute',
      target: { type: 'AverageValue', averageValue: '1k' },
    },
    {
      type: 'Object',
      name: 'http_request_duration_p95_seconds',
      describedObject: {
        apiVersion: 'v1',
        kind: 'Service',
        name: 'order-service',
      },
      target: { type: 'Value', value: '500m' },
    },
  ],
  requestsPerPod: { cpuMillicores: 400, memoryBytes: 512 * MIB },
};

/** A rolling Deployment with the `memory` preset, in the primary regions only. */
const ANALYTICS_SERVICE: FleetWorkload = {
  kind: 'Deployment',
  apiVersion: 'apps/v1',
  plural: 'deployments',
  name: 'analytics-service',
  bounds: { primary: { minReplicas: 2, maxReplicas: 15 } },
  metrics: [
    {
      type: 'Resource',
      name: 'memory',
      target: { type: 'Utilization', averageUtilization: 80 },
    },
  ],
  requestsPerPod: { cpuMillicores: 500, memoryBytes: 1024 * MIB },
};

type SandboxWorkload = {
  metadata: { resourceVersion: string };
  spec: { replicas: number };
  status: {
    replicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    updatedReplicas?: number;
  };
};
/** An HPA metric entry holds its fields under the type's name, e.g. `{ type: 'Pods', pods: {...} }`. */
type SandboxMetric = { type: string } & Record<
  string,
  { target?: unknown; current?: unknown }
>;
type SandboxAutoscaler = {
  status: {
    currentReplicas?: number;
    desiredReplicas?: number;
    lastScaleTime?: string;
    currentMetrics?: SandboxMetric[];
  };
};
type ResourceQuantities = { cpu: string; memory: string };
type PodMetrics = { containers: Array<{ usage: ResourceQuantities }> };

function metricFields(metric: SandboxMetric | undefined) {
  return metric?.[metric.type.charAt(0).toLowerCase() + metric.type.slice(1)];
}

/** The fields of an HPA metric's `current`, each as it was read or within the target's tolerance of it. */
function liveCurrent(current: unknown, tolerance: number) {
  if (tolerance === 0 || !current || typeof current !== 'object') {
    return current;
  }
  return Object.fromEntries(
    Object.entries(current).map(([key, value]) => [
      key,
      typeof value === 'number'
        ? approximately(value, tolerance)
        : approximateQuantity(String(value), tolerance),
    ]),
  );
}

function approximateQuantity(expected: string, tolerance: number) {
  return {
    $$typeof: Symbol.for('jest.asymmetricMatcher'),
    asymmetricMatch: (actual: unknown) =>
      typeof actual === 'string' &&
      isWithin(quantityValue(actual), quantityValue(expected), tolerance),
    toAsymmetricMatcher: () =>
      `a quantity within ${tolerance * 100} % of ${expected}`,
  };
}

function liveUsage(
  pods: number,
  usage: { cpuMillicores: number; memoryBytes: number },
  tolerance: number,
) {
  return {
    pods,
    cpuMillicores: approximately(usage.cpuMillicores, tolerance),
    memoryBytes: approximately(usage.memoryBytes, tolerance),
  };
}

// Quantities are read here rather than with the suite's own parser, which the endpoint uses.
const QUANTITY = /^(\d+(?:\.\d+)?)(n|u|m|k|M|G|Ki|Mi|Gi)?$/;
const SUFFIX_SCALE: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
};

function quantityParts(quantity: string): [string, string] {
  const match = QUANTITY.exec(quantity);
  if (!match) throw new Error(`unexpected quantity ${quantity}`);
  return [match[1], match[2] ?? ''];
}

/** A quantity in its base unit: 1000.185 for `1000185m`, 249262080 for `243420Ki`. */
function quantityValue(quantity: string): number {
  const [number, suffix] = quantityParts(quantity);
  return Number(number) * (SUFFIX_SCALE[suffix] ?? 1);
}

/** A CPU figure in millicores, anything finer rounded up as the API server's `MilliValue()` does: `123456789n` is 124. */
function milliCores(cpu: string): number {
  const [number, suffix] = quantityParts(cpu);
  const perMilli: Record<string, number> = { n: 1e6, u: 1e3, m: 1 };
  // The API server prints whole cores without a suffix, finer ones with one.
  return suffix === ''
    ? Number(number) * 1000
    : Math.ceil(Number(number) / perMilli[suffix]);
}

function sumQuantities(lists: ResourceQuantities[]) {
  return {
    cpuMillicores: lists.reduce((sum, list) => sum + milliCores(list.cpu), 0),
    memoryBytes: lists.reduce(
      (sum, list) => sum + quantityValue(list.memory),
      0,
    ),
  };
}

/** Without its undefined properties: the endpoint's JSON leaves them out. */
function definedOnly(object: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(object).filter(([, value]) => value !== undefined),
  );
}

function clusterResource(
  region: string,
  annotations: Record<string, string> = {},
): Entity {
  return clusterEntity(region, {
    role: DR_REGIONS.includes(region) ? 'dr' : 'primary',
    annotations,
  });
}

function service(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', lifecycle: 'production', owner: 'commerce-team' },
  };
}

// The real control plane takes a minute or two to start and settle.
jest.setTimeout(CLUSTER_TARGET === 'sandbox' ? 5_000 : 300_000);

describe(`GET /entities/{kind}/{namespace}/{name}/scaling, against the ${CLUSTER_TARGET}`, () => {
  let target: ClusterTarget;

  beforeAll(async () => {
    target = await startClusterTarget({ regions: ALL_REGIONS });
    await loadUpstreamAuthStrategies();
  });

  afterAll(() => target?.close());

  afterEach(() => target.clearFaults());

  function catalogEntities(): Entity[] {
    return [
      service('order-service', {
        'backstage.io/kubernetes-id': 'order-service',
        'backstage.io/kubernetes-namespace': NAMESPACE,
        'meschain.io/regions': ALL_REGIONS.join(','),
      }),
      service('analytics-service', {
        'backstage.io/kubernetes-label-selector':
          'app.kubernetes.io/name=analytics-service',
        'meschain.io/regions': 'us-east,eu-west',
      }),
      service('checkout-service', {
        'backstage.io/kubernetes-id': 'checkout-service',
        'meschain.io/regions': 'us-east,sa-east,me-south,af-south',
      }),
      ...ALL_REGIONS.filter(region => region !== CATALOG_LOCATED_REGION).map(
        region => clusterResource(region),
      ),
      clusterResource(CATALOG_LOCATED_REGION, {
        'kubernetes.io/api-server': target.url(CATALOG_LOCATED_REGION),
        'kubernetes.io/api-server-certificate-authority': target.caData(),
      }),
      // Located in the catalog, but no token is configured for it.
      clusterResource('me-south', {
        'kubernetes.io/api-server': target.url('us-east'),
      }),
      // In the catalog, but no cluster locator provides it.
      clusterResource('af-south'),
    ];
  }

  function configuredCluster(region: string) {
    return target.clusterConfig(
      region,
      region === REGION_WITHOUT_METRICS
        ? target.urlWithoutMetricsApi(region)
        : undefined,
    );
  }

  async function startBackend(
    options: {
      stateCacheTtlMs?: number;
      unauthenticatedRequests?: boolean;
      /** A region whose cluster a backend module adds through the extension point, instead of config. */
      suppliedRegion?: string;
    } = {},
  ) {
    const { server } = await startTestBackend({
      features: [
        scalingPlugin,
        mockServices.rootConfig.factory({
          data: {
            kubernetes: {
              clusterLocatorMethods: [
                {
                  type: 'config',
                  clusters: ALL_REGIONS.filter(
                    region =>
                      region !== CATALOG_LOCATED_REGION &&
                      region !== options.suppliedRegion,
                  ).map(configuredCluster),
                },
                { type: 'catalog', dangerouslyAllowClusterUrls: ['127.0.0.1'] },
              ],
            },
            scaling: {
              clusterTimeoutMs: target.clusterTimeoutMs,
              stateCacheTtlMs: options.stateCacheTtlMs ?? 0,
              clusters: {
                [clusterName(CATALOG_LOCATED_REGION)]: {
                  serviceAccountToken: target.token(CATALOG_LOCATED_REGION),
                },
              },
            },
          },
        }),
        ...(options.unauthenticatedRequests
          ? [
              mockServices.httpAuth.factory({
                defaultCredentials: mockCredentials.none(),
              }),
            ]
          : []),
        ...(options.suppliedRegion
          ? [clusterSupplierModule(options.suppliedRegion)]
          : []),
        mockServices.database.factory(),
        catalogServiceMock.factory({ entities: catalogEntities() }),
      ],
    });
    return server;
  }

  function clusterSupplierModule(region: string) {
    return createBackendModule({
      pluginId: 'scaling',
      moduleId: 'test-cluster-supplier',
      register(env) {
        env.registerInit({
          deps: { clusters: scalingClustersExtensionPoint },
          async init({ clusters }) {
            clusters.addClusterSupplier({
              getClusters: async () => [target.scalingCluster(region)],
            });
          },
        });
      },
    });
  }

  async function getScaling(
    server: Awaited<ReturnType<typeof startBackend>>,
    entityName: string,
  ) {
    return request(server)
      .get(`/api/scaling/entities/component/default/${entityName}/scaling`)
      .set('Authorization', mockCredentials.user.header());
  }

  /**
   * What the endpoint should answer for a workload: what the fleet defines, written out, and its
   * live state (replicas, the HPA's current figures, pod usage) read from the cluster over HTTP as
   * the test's witness. Live figures match within the target's tolerance.
   */
  async function expectedWorkload(region: string, workload: FleetWorkload) {
    const read = <T>(path: string) => target.read<T>(region, path);
    const tolerance = target.liveTolerance;
    const selector = `labelSelector=app.kubernetes.io%2Fname%3D${workload.name}`;
    const workloadObject = await read<SandboxWorkload>(
      `/apis/${workload.apiVersion}/namespaces/${NAMESPACE}/${workload.plural}/${workload.name}`,
    );
    const hpa = await read<SandboxAutoscaler>(
      `/apis/autoscaling/v2/namespaces/${NAMESPACE}/horizontalpodautoscalers/${workload.name}`,
    );
    const { items: podMetrics } = await read<{ items: PodMetrics[] }>(
      `/apis/metrics.k8s.io/v1beta1/namespaces/${NAMESPACE}/pods?${selector}`,
    );
    const { status } = workloadObject;
    const pods = status.replicas ?? 0;
    const bounds =
      workload.bounds[DR_REGIONS.includes(region) ? 'dr' : 'primary'];
    if (!bounds) {
      throw new Error(`The fleet runs no ${workload.name} in ${region}`);
    }
    return {
      kind: workload.kind,
      apiVersion: workload.apiVersion,
      name: workload.name,
      namespace: NAMESPACE,
      resourceVersion: workloadObject.metadata.resourceVersion,
      replicas: {
        desired: workloadObject.spec.replicas,
        current: status.replicas,
        ready: status.readyReplicas,
        available: status.availableReplicas,
        updated: status.updatedReplicas,
      },
      autoscaler: expect.objectContaining(
        definedOnly({
          name: workload.name,
          ...bounds,
          currentReplicas: hpa.status.currentReplicas,
          desiredReplicas: hpa.status.desiredReplicas,
          lastScaleTime: hpa.status.lastScaleTime,
          // Both HPA controllers list current metrics in spec order.
          metrics: workload.metrics.map((metric, index) =>
            expect.objectContaining({
              ...metric,
              current: liveCurrent(
                metricFields(hpa.status.currentMetrics?.[index])?.current,
                tolerance,
              ),
            }),
          ),
        }),
      ),
      pods: definedOnly({
        pods,
        requests: {
          cpuMillicores: workload.requestsPerPod.cpuMillicores * pods,
          memoryBytes: workload.requestsPerPod.memoryBytes * pods,
        },
        usage:
          region === REGION_WITHOUT_METRICS
            ? undefined
            : liveUsage(
                podMetrics.length,
                sumQuantities(
                  podMetrics.flatMap(metrics =>
                    metrics.containers.map(container => container.usage),
                  ),
                ),
                tolerance,
              ),
      }),
    };
  }

  describe('with every cluster healthy', () => {
    let server: Awaited<ReturnType<typeof startBackend>>;

    beforeAll(async () => {
      server = await startBackend();
    });

    it('returns every region with the replicas, HPA and pod resources its cluster holds', async () => {
      const response = await getScaling(server, 'order-service');

      expect(response.status).toBe(200);
      const state: EntityScalingState = response.body;
      expect(state.entityRef).toBe('component:default/order-service');
      expect(state.workloadQuery).toEqual({
        labelSelector: 'backstage.io/kubernetes-id=order-service',
        namespace: NAMESPACE,
      });
      expect(
        state.clusters.map(({ cluster, region, role, error }) => ({
          cluster,
          region,
          role,
          error,
        })),
      ).toEqual(
        ALL_REGIONS.map(region => ({
          cluster: clusterName(region),
          region,
          role: DR_REGIONS.includes(region) ? 'dr' : 'primary',
        })),
      );

      for (const clusterState of state.clusters) {
        expect(clusterState.workloads).toEqual([
          await expectedWorkload(clusterState.region, ORDER_SERVICE),
        ]);
      }
      expect(
        state.clusters.find(c => c.region === REGION_WITHOUT_METRICS)
          ?.workloads?.[0].pods.usage,
      ).toBeUndefined();
      // The primaries run several replicas, the DR regions a warm standby.
      const desired = (region: string) =>
        state.clusters.find(c => c.region === region)!.workloads![0].replicas
          .desired;
      expect(desired('us-east')).toBeGreaterThan(desired('us-west'));
    });

    it('finds a Deployment by the label-selector annotation in any namespace, with its HPA', async () => {
      const response = await getScaling(server, 'analytics-service');

      expect(response.status).toBe(200);
      const state: EntityScalingState = response.body;
      expect(state.workloadQuery).toEqual({
        labelSelector: 'app.kubernetes.io/name=analytics-service',
      });
      expect(state.clusters.map(c => c.region)).toEqual(['us-east', 'eu-west']);
      for (const clusterState of state.clusters) {
        expect(clusterState.workloads).toEqual([
          await expectedWorkload(clusterState.region, ANALYTICS_SERVICE),
        ]);
      }
    });

    it("never answers with a cluster's credentials, in its state or in its errors", async () => {
      const responses = await Promise.all(
        ['order-service', 'checkout-service'].map(name =>
          getScaling(server, name),
        ),
      );

      for (const response of responses) {
        expect(response.status).toBe(200);
        for (const region of ALL_REGIONS) {
          expect(response.text).not.toContain(target.token(region));
        }
      }
    });

    it('reports each region it cannot serve with the reason, next to the regions it can', async () => {
      const response = await getScaling(server, 'checkout-service');

      expect(response.status).toBe(200);
      const clusters: ClusterScalingState[] = response.body.clusters;
      expect(clusters).toEqual([
        {
          cluster: 'meschain-us-east',
          region: 'us-east',
          role: 'primary',
          observedAt: expect.any(String),
          workloads: [],
        },
        {
          region: 'sa-east',
          error: {
            name: 'NotFoundError',
            message:
              'No Kubernetes cluster in the catalog serves region sa-east',
          },
        },
        {
          cluster: 'meschain-me-south',
          region: 'me-south',
          role: 'primary',
          error: {
            name: 'ServiceUnavailableError',
            message:
              'No service-account token is configured for cluster meschain-me-south: set scaling.clusters.meschain-me-south.serviceAccountToken',
          },
        },
        {
          cluster: 'meschain-af-south',
          region: 'af-south',
          role: 'primary',
          error: {
            name: 'NotFoundError',
            message:
              'Cluster meschain-af-south is not configured: neither kubernetes.clusterLocatorMethods nor an added cluster supplier provides it',
          },
        },
      ]);
    });

    it("answers within the timeout with the errors of an unreachable and a slow region, and the others' workloads", async () => {
      const timeoutMs = target.clusterTimeoutMs;
      await target.fault('us-west', { mode: 'down' });
      await target.fault('eu-central', {
        mode: 'slow',
        delayMs: timeoutMs * 3,
      });
      const started = Date.now();

      const response = await getScaling(server, 'order-service');

      expect(Date.now() - started).toBeLessThan(timeoutMs + 1_000);
      expect(response.status).toBe(200);
      const byRegion = new Map<string, ClusterScalingState>(
        response.body.clusters.map((c: ClusterScalingState) => [c.region, c]),
      );
      expect(byRegion.get('us-west')).toEqual({
        cluster: 'meschain-us-west',
        region: 'us-west',
        role: 'dr',
        error: {
          name: 'ServiceUnavailableError',
          message: expect.stringMatching(
            /^Cluster meschain-us-west is unreachable \(GET /,
          ),
        },
      });
      expect(byRegion.get('eu-central')).toEqual({
        cluster: 'meschain-eu-central',
        region: 'eu-central',
        role: 'dr',
        error: {
          name: 'ServiceUnavailableError',
          message: expect.stringMatching(
            new RegExp(
              `^Cluster meschain-eu-central did not answer .*within ${timeoutMs} ms$`,
            ),
          ),
        },
      });
      const healthy = ALL_REGIONS.filter(
        region => !['us-west', 'eu-central'].includes(region),
      );
      expect(healthy).toHaveLength(5);
      for (const region of healthy) {
        expect(byRegion.get(region)?.error).toBeUndefined();
        expect(byRegion.get(region)?.workloads).toEqual([
          expect.objectContaining({ name: 'order-service' }),
        ]);
      }
    });

    it('reports a region that answers 500, and one that forbids the backend to read, with the reason', async () => {
      await target.fault('us-west', { mode: 'error500' });
      await target.fault('eu-central', { mode: 'forbidden' });

      const response = await getScaling(server, 'order-service');

      expect(response.status).toBe(200);
      const byRegion = new Map<string, ClusterScalingState>(
        response.body.clusters.map((c: ClusterScalingState) => [c.region, c]),
      );
      expect(byRegion.get('us-west')?.error).toEqual({
        name: 'ServiceUnavailableError',
        message: expect.stringMatching(
          /^Cluster meschain-us-west answered GET \S+ with 500 InternalError: /,
        ),
      });
      expect(byRegion.get('eu-central')?.error).toEqual({
        name: 'NotAllowedError',
        message: expect.stringMatching(
          /^Cluster meschain-eu-central forbids the scaling backend's service account to GET \S+: .* is forbidden/,
        ),
      });
      expect(byRegion.get('us-east')?.workloads).toEqual([
        expect.objectContaining({ name: 'order-service' }),
      ]);
    });

    it('answers 404 for an entity the catalog lacks', async () => {
      const response = await getScaling(server, 'billing-service');

      expect(response.status).toBe(404);
      expect(response.body.error).toMatchObject({
        name: 'NotFoundError',
        message:
          'No entity named component:default/billing-service in the catalog',
      });
    });

    it('rejects a malformed entity name with 400', async () => {
      const response = await getScaling(server, 'order%20service!');

      expect(response.status).toBe(400);
      expect(response.body.error.name).toBe('InputError');
      expect(response.body.error.message).toMatch(/name/);
    });
  });

  it('reaches a cluster that a module adds through scalingClustersExtensionPoint', async () => {
    const server = await startBackend({ suppliedRegion: 'tr-central' });

    const response = await getScaling(server, 'order-service');

    const trCentral: ClusterScalingState = response.body.clusters.find(
      (c: ClusterScalingState) => c.region === 'tr-central',
    );
    expect(trCentral.error).toBeUndefined();
    expect(trCentral.workloads).toEqual([
      expect.objectContaining({ kind: 'Rollout', name: 'order-service' }),
    ]);
  });

  it('rejects a request without credentials with 401', async () => {
    const server = await startBackend({ unauthenticatedRequests: true });

    const response = await request(server).get(
      '/api/scaling/entities/component/default/order-service/scaling',
    );

    expect(response.status).toBe(401);
  });

  it("reuses a cluster's answer within stateCacheTtlMs, so a cluster that just failed still shows its last state", async () => {
    const server = await startBackend({ stateCacheTtlMs: 60_000 });
    const first = await getScaling(server, 'order-service');

    await target.fault('us-west', { mode: 'down' });
    const second = await getScaling(server, 'order-service');

    const usWest = (body: EntityScalingState) =>
      body.clusters.find(c => c.region === 'us-west');
    expect(usWest(first.body)?.workloads).toHaveLength(1);
    expect(usWest(second.body)).toEqual(usWest(first.body));
  });
});
