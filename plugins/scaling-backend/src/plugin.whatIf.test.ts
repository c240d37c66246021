import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  PolicySimulation,
  ScalingPolicy,
} from '@meschain/backstage-plugin-scaling-common';
import {
  MetricsSource,
  scalingClustersExtensionPoint,
  scalingMetricsExtensionPoint,
} from '@meschain/backstage-plugin-scaling-node';
import type { Sandbox } from '@meschain/kube-sandbox';
import request from 'supertest';
import {
  sandboxScalingCluster,
  startFrozenSandbox,
} from './__testUtils__/kubeSandbox';
import { clusterEntity, serviceEntity } from './__testUtils__/serviceEntity';
import { scalingPlugin } from './plugin';

const REGION = 'us-east';
const SERVICE = 'monitoring-service';
const SIMULATE = `/api/scaling/entities/component/default/${SERVICE}/policy/simulate`;
const HOUR = 3600;

/**
 * A Prometheus answering range queries with a day-shaped load: the service's
 * CPU use (the query asks for millicores) peaks at 3.2 cores in the
 * afternoon, its request rate follows; every query is recorded.
 */
function dailyPrometheus() {
  const asked: Array<{ promql: string; region: string; stepSeconds: number }> =
    [];
  const shape = (seconds: number) =>
    0.15 +
    0.85 * Math.max(0, Math.sin(((seconds / HOUR - 8) / 24) * 2 * Math.PI));
  const source: MetricsSource = {
    async query() {
      return [];
    },
    async queryRange(promql, { region, start, end, stepSeconds }) {
      asked.push({ promql, region, stepSeconds });
      const points: Array<[number, number]> = [];
      for (
        let at = start.getTime() / 1000;
        at <= end.getTime() / 1000;
        at += stepSeconds
      ) {
        const load = shape(at % (24 * HOUR));
        points.push([at, promql.includes('cpu') ? 3200 * load : 300 * load]);
      }
      return [{ labels: { service: SERVICE }, points }];
    },
  };
  return { asked, source };
}

const CPU_POLICY: ScalingPolicy = {
  minReplicas: 2,
  maxReplicas: 20,
  targets: [{ kind: 'cpu', averageUtilization: 70 }],
};

// Each test starts a backend; on a busy machine that alone can take seconds.
jest.setTimeout(60_000);

describe('POST /entities/.../policy/simulate', () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startFrozenSandbox();
  });

  afterAll(() => sandbox?.close());

  async function startBackend(metrics?: MetricsSource) {
    const { server } = await startTestBackend({
      features: [
        scalingPlugin,
        createBackendModule({
          pluginId: 'scaling',
          moduleId: 'test-sources',
          register(env) {
            env.registerInit({
              deps: {
                clusters: scalingClustersExtensionPoint,
                metricsPoint: scalingMetricsExtensionPoint,
              },
              async init({ clusters, metricsPoint }) {
                clusters.addClusterSupplier({
                  getClusters: async () => [
                    sandboxScalingCluster(sandbox, REGION, { region: REGION }),
                  ],
                });
                if (metrics) metricsPoint.setMetricsSource(metrics);
              },
            });
          },
        }),
        mockServices.rootConfig.factory({
          data: {
            scaling: {
              regions: [
                {
                  id: REGION,
                  displayName: 'US East',
                  latitude: 39.04,
                  longitude: -77.49,
                  role: 'primary',
                  clusters: ['meschain-us-east'],
                  pricing: {
                    currency: 'USD',
                    cpuCoreHour: 0.04,
                    memoryGiBHour: 0.005,
                  },
                },
              ],
            },
          },
        }),
        mockServices.database.factory(),
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
        catalogServiceMock.factory({
          entities: [
            serviceEntity(SERVICE, {
              owner: 'platform-team',
              regions: [REGION],
            }),
            clusterEntity(REGION),
          ],
        }),
      ],
    });
    return server;
  }

  const simulate = (
    server: Awaited<ReturnType<typeof startBackend>>,
    body: unknown,
  ) =>
    request(server)
      .post(SIMULATE)
      .set('Authorization', mockCredentials.user.header())
      .send(body as object);

  it("replays a week of the service's Prometheus load under the live policy and the candidate", async () => {
    const { asked, source } = dailyPrometheus();
    const server = await startBackend(source);
    const hpaBefore = sandbox
      .cluster(REGION)
      .store.get(
        'horizontalpodautoscalers.autoscaling',
        'meschain-sync',
        SERVICE,
      );

    const response = await simulate(server, {
      policy: { ...CPU_POLICY, maxReplicas: 6 },
      days: 7,
    });
    expect(response.status).toBe(200);
    const body = response.body as PolicySimulation;
    expect(body).toMatchObject({
      region: REGION,
      source: 'prometheus',
      stepSeconds: 60,
      podStartupSeconds: 30,
    });
    expect(body.currentUnavailable).toBeUndefined();
    // A cap of 6 replicas cannot carry 3.2 cores at 70 % of 200m: the candidate runs hot each afternoon.
    expect(body.candidate.minutesAboveTarget).toBeGreaterThan(
      body.current!.minutesAboveTarget + 7 * 60,
    );
    expect(body.candidate.cost!.perMonth).toBeLessThan(
      body.current!.cost!.perMonth,
    );
    expect(body.current!.scaleEvents.length).toBeGreaterThan(7);
    expect(body.current!.replicas[0]).toEqual(
      expect.objectContaining({ at: Date.parse(String(body.start)) }),
    );
    // Chunked at Prometheus' point limit, by the entity's service label and region.
    expect(asked.every(q => q.region === REGION && q.stepSeconds === 60)).toBe(
      true,
    );
    expect(asked[0].promql).toBe(
      `sum(rate(container_cpu_usage_seconds_total{service="${SERVICE}",region="${REGION}"}[2m])) * 1000`,
    );
    // A read: the live HPA is as it was.
    expect(
      sandbox
        .cluster(REGION)
        .store.get(
          'horizontalpodautoscalers.autoscaling',
          'meschain-sync',
          SERVICE,
        )?.metadata.resourceVersion,
    ).toBe(hpaBefore?.metadata.resourceVersion);
  });

  it('refuses a candidate that apply would refuse, naming its field', async () => {
    const server = await startBackend(dailyPrometheus().source);
    const response = await simulate(server, {
      policy: { ...CPU_POLICY, minReplicas: 8, maxReplicas: 4 },
    });
    expect(response.status).toBe(400);
    expect(response.body.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: expect.stringMatching(/Replicas/) }),
      ]),
    );
  });

  it('refuses a candidate whose metric cannot be replayed from load, naming the metric', async () => {
    const server = await startBackend(dailyPrometheus().source);
    const response = await simulate(server, {
      policy: {
        ...CPU_POLICY,
        targets: [{ kind: 'memory', averageUtilization: 80 }],
      },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/^policy\.metrics\[0\]: /);
  });

  it('refuses a period beyond 30 days, naming the field', async () => {
    const server = await startBackend(dailyPrometheus().source);
    const response = await simulate(server, { policy: CPU_POLICY, days: 90 });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain('days');
  });

  it('needs a caller', async () => {
    const server = await startBackend(dailyPrometheus().source);
    const response = await request(server)
      .post(SIMULATE)
      .send({ policy: CPU_POLICY });
    expect(response.status).toBe(401);
  });

  it('says when neither Prometheus nor the stored usage has load', async () => {
    const server = await startBackend();
    const response = await simulate(server, { policy: CPU_POLICY });
    expect(response.status).toBe(404);
    expect(response.body.error.message).toContain(
      `No recorded load of the service in region ${REGION}`,
    );
  });
});
