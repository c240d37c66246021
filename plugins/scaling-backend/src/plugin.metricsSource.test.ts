import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  EntityHealth,
  goldenSignalQuery,
} from '@meschain/backstage-plugin-scaling-common';
import {
  MetricsSource,
  scalingMetricsExtensionPoint,
} from '@meschain/backstage-plugin-scaling-node';
import request from 'supertest';
import { scalingPlugin } from './plugin';
import { serviceEntity } from './__testUtils__/serviceEntity';

/** An adopter's metrics source: a fixed figure per query, and a record of what was asked. */
function recordingSource() {
  const asked: Array<{ promql: string; region: string }> = [];
  const source: MetricsSource = {
    async query(promql, { region, time }) {
      asked.push({ promql, region });
      return [{ labels: {}, time: time!.getTime() / 1000, value: 0.25 }];
    },
    async queryRange(promql, { region, start, stepSeconds }) {
      asked.push({ promql, region });
      const from = start.getTime() / 1000;
      return [
        {
          labels: {},
          points: [
            [from, 0.5],
            [from + stepSeconds, 0.75],
          ],
        },
      ];
    },
  };
  return { asked, source };
}

describe('the health routes with a metrics source set by a module', () => {
  it("reads every golden signal of each of the entity's regions from it", async () => {
    const { asked, source } = recordingSource();
    const { server } = await startTestBackend({
      features: [
        scalingPlugin,
        createBackendModule({
          pluginId: 'scaling',
          moduleId: 'test-metrics',
          register(env) {
            env.registerInit({
              deps: { metrics: scalingMetricsExtensionPoint },
              async init({ metrics }) {
                metrics.setMetricsSource(source);
              },
            });
          },
        }),
        mockServices.rootConfig.factory({
          data: { scaling: { metrics: { rateWindow: '2m' } } },
        }),
        mockServices.database.factory(),
        catalogServiceMock.factory({
          entities: [
            serviceEntity('order-service', {
              owner: 'commerce-team',
              regions: ['us-east', 'eu-west'],
            }),
          ],
        }),
      ],
    });

    const response = await request(server).get(
      '/api/scaling/entities/component/default/order-service/health?window=10m',
    );
    expect(response.status).toBe(200);
    const body = response.body as EntityHealth;
    expect(body.regions.map(r => r.region)).toEqual(['us-east', 'eu-west']);
    for (const row of body.regions) {
      expect(row.signals).toEqual({
        requestRate: 0.25,
        errorRatio: 0.25,
        latencyP50: 0.25,
        latencyP95: 0.25,
        latencyP99: 0.25,
        cpuSaturation: 0.25,
        memorySaturation: 0.25,
      });
      expect(row.series.latencyP95).toHaveLength(2);
      // No catalog cluster serves the regions: the figures still come, with the cluster's error.
      expect(row.hpaAtMax).toBeNull();
      expect(row.error).toBe(
        `Cluster: No Kubernetes cluster in the catalog serves region ${row.region}`,
      );
    }
    const selector = {
      service: 'order-service',
      namespace: 'meschain-sync',
      region: 'eu-west',
    };
    expect(asked).toContainEqual({
      promql: goldenSignalQuery('latencyP95', selector, '2m'),
      region: 'eu-west',
    });
  });

  it('refuses a window outside 5m to 7d', async () => {
    const { source } = recordingSource();
    const { server } = await startTestBackend({
      features: [
        scalingPlugin,
        createBackendModule({
          pluginId: 'scaling',
          moduleId: 'test-metrics',
          register(env) {
            env.registerInit({
              deps: { metrics: scalingMetricsExtensionPoint },
              async init({ metrics }) {
                metrics.setMetricsSource(source);
              },
            });
          },
        }),
        mockServices.database.factory(),
        catalogServiceMock.factory({
          entities: [
            serviceEntity('order-service', { owner: 'commerce-team' }),
          ],
        }),
      ],
    });
    const response = await request(server).get(
      '/api/scaling/entities/component/default/order-service/health?window=8d',
    );
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(
      'window must be a span from 5m to 7d such as 1h or 6h, not "8d"',
    );
  });

  it('keeps checking a service whose SLO annotation does not parse, and says so', async () => {
    const { source } = recordingSource();
    const entity = serviceEntity('order-service', {
      owner: 'commerce-team',
      regions: ['eu-west'],
    });
    entity.metadata.annotations!['meschain.io/slo-availability'] = '100%';
    const { server } = await startTestBackend({
      features: [
        scalingPlugin,
        createBackendModule({
          pluginId: 'scaling',
          moduleId: 'test-metrics',
          register(env) {
            env.registerInit({
              deps: { metrics: scalingMetricsExtensionPoint },
              async init({ metrics }) {
                metrics.setMetricsSource(source);
              },
            });
          },
        }),
        mockServices.rootConfig.factory({
          data: { scaling: { slo: { availability: 99.5 } } },
        }),
        mockServices.database.factory(),
        catalogServiceMock.factory({ entities: [entity] }),
      ],
    });
    const problem =
      'The meschain.io/slo-availability annotation of component:default/order-service is "100%"; expected a percentage above 0 and below 100, e.g. "99.9"; the configured objectives apply instead';

    const checks = await request(server).get(
      '/api/scaling/entities/component/default/order-service/health/checks',
    );
    expect(checks.status).toBe(200);
    expect(checks.body.checks).toContainEqual(
      expect.objectContaining({
        id: 'slo-objectives',
        status: 'warn',
        summary: problem,
        figures: { availability: 99.5, latencyP95Ms: 500 },
      }),
    );
    const health = await request(server).get(
      '/api/scaling/entities/component/default/order-service/health',
    );
    expect(health.body.slo).toMatchObject({
      availability: 99.5,
      error: problem,
    });
  });
});
