import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import scalingPlugin from '@meschain/backstage-plugin-scaling-backend';
import type { AddressInfo } from 'node:net';

export interface FanoutCluster {
  name: string;
  region: string;
  url: string;
  token: string;
}

function clusterResource({ name, region }: FanoutCluster): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      namespace: 'default',
      annotations: { 'meschain.io/region': region },
    },
    spec: { type: 'kubernetes-cluster', owner: 'platform-team' },
  };
}

/**
 * The upstream Kubernetes backend and ours in one backend, reading the same clusters from the
 * same `kubernetes` config. Resolves to its base URL and the headers of a signed-in user.
 */
export async function startFanoutBackends(options: {
  service: Entity;
  clusters: FanoutCluster[];
  clusterTimeoutMs: number;
}) {
  const backend = await startTestBackend({
    features: [
      kubernetesPlugin,
      scalingPlugin,
      mockServices.database.factory(),
      catalogServiceMock.factory({
        entities: [options.service, ...options.clusters.map(clusterResource)],
      }),
      mockServices.rootConfig.factory({
        data: {
          kubernetes: {
            serviceLocatorMethod: { type: 'multiTenant' },
            clusterLocatorMethods: [
              {
                type: 'config',
                clusters: options.clusters.map(cluster => ({
                  name: cluster.name,
                  url: cluster.url,
                  authProvider: 'serviceAccount',
                  serviceAccountToken: cluster.token,
                  skipTLSVerify: true,
                })),
              },
            ],
          },
          scaling: {
            clusterTimeoutMs: options.clusterTimeoutMs,
            // No cache: every request reads the clusters, as upstream's does.
            stateCacheTtlMs: 0,
          },
        },
      }),
    ],
  });
  const { port } = backend.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    headers: {
      authorization: mockCredentials.user.header(),
      'content-type': 'application/json',
    },
    stop: () => backend.stop(),
  };
}
