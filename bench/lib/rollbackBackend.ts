import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scalingPlugin from '@meschain/backstage-plugin-scaling-backend';
import type { Sandbox } from '@meschain/kube-sandbox';
import type { AddressInfo } from 'node:net';

const NAMESPACE = 'meschain-sync';

function service(name: string, region: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'backstage.io/kubernetes-id': name,
        'backstage.io/kubernetes-namespace': NAMESPACE,
        'meschain.io/regions': region,
      },
    },
    spec: { type: 'service', owner: 'platform-team', lifecycle: 'production' },
  };
}

/**
 * The scaling backend over one sandbox cluster, with the services it acts on
 * in the catalog. The permission framework is the mock's default (allow), so
 * the timing covers authorize, validate, audit, patch and audit.
 */
export async function startRollbackBackend(options: {
  sandbox: Sandbox;
  region: string;
  services: string[];
}) {
  const { sandbox, region } = options;
  const cluster = `meschain-${region}`;
  const backend = await startTestBackend({
    features: [
      scalingPlugin,
      mockServices.database.factory(),
      catalogServiceMock.factory({
        entities: [
          ...options.services.map(name => service(name, region)),
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Resource',
            metadata: {
              name: cluster,
              namespace: 'default',
              annotations: { 'meschain.io/region': region },
            },
            spec: { type: 'kubernetes-cluster', owner: 'platform-team' },
          },
        ],
      }),
      mockServices.rootConfig.factory({
        data: {
          kubernetes: {
            clusterLocatorMethods: [
              {
                type: 'config',
                clusters: [
                  {
                    name: cluster,
                    url: sandbox.clusterUrl(region, 'http'),
                    authProvider: 'serviceAccount',
                    serviceAccountToken: sandbox.cluster(region).token,
                  },
                ],
              },
            ],
          },
        },
      }),
    ],
  });
  const { port } = backend.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}/api/scaling/entities/component/default`;
  return {
    cluster,
    /** POSTs a rollout action as the tab's button does; resolves when the backend answered. */
    async act(name: string, kind: string, body: object): Promise<void> {
      const response = await fetch(`${baseUrl}/${name}/rollouts/actions`, {
        method: 'POST',
        headers: {
          authorization: mockCredentials.user.header(),
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          cluster,
          workload: { kind, namespace: NAMESPACE, name },
          ...body,
        }),
      });
      if (!response.ok) {
        throw new Error(`${response.status}: ${await response.text()}`);
      }
    },
    stop: () => backend.stop(),
  };
}
