import {
  BackendFeature,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  scalingAdminPermission,
  ScalingHistory,
} from '@meschain/backstage-plugin-scaling-common';
// The actions apply through the real scaling backend, as in the portal.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import scalingPlugin from '@meschain/backstage-plugin-scaling-backend';
import { Sandbox, startSandbox } from '@meschain/kube-sandbox';
import { readFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { scalingBackendApplier } from '../scalingBackend/applyServiceManifests';

/** The portal's own region model: seven regions, one sandbox cluster each. */
export const REGIONS_CONFIG = parse(
  readFileSync(resolve(__dirname, '../../../../config/regions.yaml'), 'utf8'),
) as Array<{ id: string; clusters: string[] }>;

/** The test's user, a member of the platform team and of nothing else. */
export const USER = 'user:default/guest';
export const OWNER = 'group:default/platform-team';

/** Each region's cluster, as the portal's config locates it. */
function kubernetesConfig(sandbox: Sandbox) {
  const caData = Buffer.from(sandbox.caPem).toString('base64');
  return {
    clusterLocatorMethods: [
      {
        type: 'config',
        clusters: REGIONS_CONFIG.map(region => ({
          name: region.clusters[0],
          url: sandbox.clusterUrl(region.id),
          authProvider: 'serviceAccount',
          serviceAccountToken: sandbox.cluster(region.id).token,
          caData,
        })),
      },
    ],
  };
}

/** Config the scaling backend and the render action both read. */
export function portalConfig(sandbox: Sandbox) {
  return {
    kubernetes: kubernetesConfig(sandbox),
    scaling: {
      // The first requests share the machine with the fleet watches starting on every cluster.
      clusterTimeoutMs: 15_000,
      regions: REGIONS_CONFIG,
      guardRails: {
        maxReplicasByTier: { critical: 25, high: 25, standard: 20 },
        defaultMaxReplicas: 20,
      },
    },
  };
}

/**
 * The sandbox (one cluster per region, time stopped) and the scaling backend
 * in front of it, whose audited write path the apply action goes through.
 */
export async function startScalingBackend(
  options: {
    /** More plugins and modules in the same backend, e.g. the scaffolder. */
    features?: BackendFeature[];
    /** The catalog's entities. */
    entities?: Entity[];
  } = {},
) {
  const sandbox = await startSandbox({ port: 0, speed: 0, seed: 11 });
  const auditor = mockServices.auditor.mock();
  const auditorEvent = { success: jest.fn(), fail: jest.fn() };
  auditor.createEvent.mockResolvedValue(auditorEvent);
  const { server } = await startTestBackend({
    features: [
      scalingPlugin,
      ...(options.features ?? []),
      mockServices.rootConfig.factory({ data: portalConfig(sandbox) }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      // The owner's members may create services; no one here is a scaling admin.
      mockServices.permissions.mock({
        authorize: async requests =>
          requests.map(({ permission }) => ({
            result:
              permission.name === scalingAdminPermission.name
                ? AuthorizeResult.DENY
                : AuthorizeResult.ALLOW,
          })),
        // The scaffolder asks about templates and actions this way.
        authorizeConditional: async requests =>
          requests.map(() => ({ result: AuthorizeResult.ALLOW })),
      }).factory,
      createServiceFactory({
        service: coreServices.userInfo,
        deps: {},
        factory: () => ({
          getUserInfo: async credentials => {
            const { userEntityRef } = credentials.principal as {
              userEntityRef: string;
            };
            return {
              userEntityRef,
              ownershipEntityRefs:
                userEntityRef === USER ? [USER, OWNER] : [userEntityRef],
            };
          },
        }),
      }),
      auditor.factory,
      catalogServiceMock.factory({ entities: options.entities ?? [] }),
    ],
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://localhost:${port}/api/scaling`;
  const apply = scalingBackendApplier({
    auth: mockServices.auth(),
    discovery: {
      getBaseUrl: async () => baseUrl,
      getExternalBaseUrl: async () => baseUrl,
    },
  });

  /** Reads an object from a region's cluster with the test's own token; undefined when absent. */
  async function read<T = any>(
    region: string,
    path: string,
  ): Promise<T | undefined> {
    const response = await fetch(
      `${sandbox.clusterUrl(region, 'http')}${path}`,
      {
        headers: { authorization: `Bearer ${sandbox.cluster(region).token}` },
      },
    );
    if (response.status === 404) {
      return undefined;
    }
    if (!response.ok) {
      throw new Error(`sandbox answered ${response.status} to GET ${path}`);
    }
    return (await response.json()) as T;
  }

  /** The entity's scaling history, as the Scaling tab reads it. */
  async function history(name: string): Promise<ScalingHistory> {
    const response = await fetch(
      `${baseUrl}/entities/component/default/${name}/history?limit=100`,
      { headers: { authorization: mockCredentials.user.header(USER) } },
    );
    if (!response.ok) {
      throw new Error(`history answered ${response.status}`);
    }
    return (await response.json()) as ScalingHistory;
  }

  return {
    sandbox,
    server,
    history,
    apply,
    auditor,
    auditorEvent,
    read,
    close: () => sandbox.close(),
  };
}
