import {
  createBackendModule,
  ExtensionPoint,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthenticationStrategy } from '@backstage/plugin-kubernetes-node';
import {
  CostSource,
  MetricsSource,
  RegionCatalog,
  scalingClustersExtensionPoint,
  scalingCostExtensionPoint,
  scalingMetricsExtensionPoint,
  scalingRegionsExtensionPoint,
} from '@meschain/backstage-plugin-scaling-node';
import request from 'supertest';
import { scalingPlugin } from './plugin';

const costSource: CostSource = {
  listClusters: async () => [],
  getAllocations: async () => ({ allocations: [], skipped: [] }),
};
const regionCatalog: RegionCatalog = { listRegions: async () => [] };
const metricsSource: MetricsSource = {
  query: async () => [],
  queryRange: async () => [],
};
const authStrategy: AuthenticationStrategy = {
  getCredential: async () => ({ type: 'anonymous' }),
  validateCluster: () => [],
  presentAuthMetadata: () => ({}),
};

/** A module that uses one of the plugin's extension points at init. */
function moduleUsing<T>(
  moduleId: string,
  extensionPoint: ExtensionPoint<T>,
  use: (extension: T) => void,
) {
  return createBackendModule({
    pluginId: 'scaling',
    moduleId,
    register(env) {
      env.registerInit({
        deps: { extension: extensionPoint },
        async init({ extension }) {
          use(extension);
        },
      });
    },
  });
}

function startBackend(modules: ReturnType<typeof moduleUsing>[]) {
  return startTestBackend({
    features: [
      scalingPlugin,
      ...modules,
      mockServices.database.factory(),
      catalogServiceMock.factory({ entities: [] }),
    ],
  });
}

/** The line of Backstage's start-up error that names a failed module and why. */
function moduleFailure(moduleId: string, cause: string) {
  return `Module '${moduleId}' for plugin 'scaling' startup failed; caused by Error: ${cause}; only one module may set it`;
}

describe('the scaling plugin’s extension points', () => {
  it.each([
    [
      'setCostSource',
      'The cost source',
      (name: string) =>
        moduleUsing(name, scalingCostExtensionPoint, cost =>
          cost.setCostSource(costSource),
        ),
    ],
    [
      'setMetricsSource',
      'The metrics source',
      (name: string) =>
        moduleUsing(name, scalingMetricsExtensionPoint, metrics =>
          metrics.setMetricsSource(metricsSource),
        ),
    ],
    [
      'setRegionCatalog',
      'The region catalog',
      (name: string) =>
        moduleUsing(name, scalingRegionsExtensionPoint, regions =>
          regions.setRegionCatalog(regionCatalog),
        ),
    ],
    [
      'addAuthStrategy for one authProvider',
      "The strategy of authProvider 'vault'",
      (name: string) =>
        moduleUsing(name, scalingClustersExtensionPoint, clusters =>
          clusters.addAuthStrategy('vault', authStrategy),
        ),
    ],
  ])(
    '%s: a second module’s call fails start-up, naming both modules',
    async (_setter, what, settingModule) => {
      const started = startBackend([
        settingModule('first-setter'),
        settingModule('second-setter'),
      ]);
      await expect(started).rejects.toThrow(
        moduleFailure(
          'first-setter',
          `${what} that this module set was set again by another module`,
        ),
      );
      await expect(started).rejects.toThrow(
        moduleFailure(
          'second-setter',
          `${what} was already set by another module`,
        ),
      );
    },
  );

  it('lets modules add strategies for different authProviders', async () => {
    const { server } = await startBackend([
      moduleUsing('vault-strategy', scalingClustersExtensionPoint, c =>
        c.addAuthStrategy('vault', authStrategy),
      ),
      moduleUsing('sso-strategy', scalingClustersExtensionPoint, c =>
        c.addAuthStrategy('sso', authStrategy),
      ),
    ]);

    const response = await request(server).get('/api/scaling/openapi.json');
    expect(response.status).toBe(200);
  });
});
