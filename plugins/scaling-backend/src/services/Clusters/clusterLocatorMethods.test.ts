import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { clusterSourcesFromConfig } from './clusterLocatorMethods';

function clusterResource(
  name: string,
  annotations: Record<string, string>,
  namespace = 'default',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name, namespace, annotations },
    spec: { type: 'kubernetes-cluster', owner: 'platform-team' },
  };
}

type ConfigData = ConstructorParameters<typeof ConfigReader>[0];

async function clustersOf(config: ConfigData, entities: Entity[] = []) {
  const logger = mockServices.logger.mock();
  const sources = clusterSourcesFromConfig({
    config: new ConfigReader(config),
    catalog: catalogServiceMock({ entities }),
    auth: mockServices.auth(),
    logger,
    clusterResourceType: 'kubernetes-cluster',
  });
  const clusters = (
    await Promise.all(sources.map(source => source.supplier.getClusters()))
  ).flat();
  return { sources, clusters, logger };
}

describe('clusterSourcesFromConfig', () => {
  it('reads config clusters with the keys of the upstream Kubernetes backend', async () => {
    const { clusters } = await clustersOf({
      kubernetes: {
        clusterLocatorMethods: [
          {
            type: 'config',
            clusters: [
              {
                name: 'meschain-us-east',
                url: 'https://us-east.k8s.example.com',
                title: 'us-east',
                authProvider: 'serviceAccount',
                serviceAccountToken: 'token-us-east',
                caData: 'Q0E=',
                skipTLSVerify: false,
              },
            ],
          },
        ],
      },
    });

    expect(clusters).toEqual([
      {
        name: 'meschain-us-east',
        url: 'https://us-east.k8s.example.com',
        title: 'us-east',
        caData: 'Q0E=',
        skipTLSVerify: false,
        authHeaders: expect.any(Function),
      },
    ]);
    await expect(clusters[0].authHeaders()).resolves.toEqual({
      Authorization: 'Bearer token-us-east',
    });
  });

  it('lists a cluster it cannot authenticate to, and says why on every request', async () => {
    const { clusters } = await clustersOf({
      kubernetes: {
        clusterLocatorMethods: [
          {
            type: 'config',
            clusters: [
              {
                name: 'eks',
                url: 'https://eks.example.com',
                authProvider: 'aws',
              },
              { name: 'no-token', url: 'https://no-token.example.com' },
            ],
          },
        ],
      },
    });

    await expect(clusters[0].authHeaders()).rejects.toMatchObject({
      name: 'NotImplementedError',
      message:
        'Cluster eks uses authProvider "aws"; the scaling backend supports only "serviceAccount"',
    });
    await expect(clusters[1].authHeaders()).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message:
        'No service-account token is configured for cluster no-token: set kubernetes.clusterLocatorMethods[0].clusters[1].serviceAccountToken',
    });
  });

  it('refuses a config cluster whose url is not an HTTP(S) URL at start-up', async () => {
    await expect(
      clustersOf({
        kubernetes: {
          clusterLocatorMethods: [
            {
              type: 'config',
              clusters: [{ name: 'typo', url: 'us-east:6443' }],
            },
          ],
        },
      }),
    ).rejects.toThrow(
      'Invalid config kubernetes.clusterLocatorMethods[0].clusters[0].url: "us-east:6443" is not an HTTP(S) URL',
    );
  });

  it('skips locator methods it does not support, with a warning', async () => {
    const { sources, logger } = await clustersOf({
      kubernetes: {
        clusterLocatorMethods: [{ type: 'gke', projectId: 'meschain' }],
      },
    });

    expect(sources).toEqual([]);
    expect(logger.warn).toHaveBeenCalledWith(
      'The scaling backend does not support cluster locator kubernetes.clusterLocatorMethods[0] (type gke); its clusters are not used',
    );
  });

  describe('type: catalog', () => {
    const config = {
      kubernetes: {
        clusterLocatorMethods: [
          {
            type: 'catalog',
            dangerouslyAllowClusterUrls: ['*.cluster.internal'],
          },
        ],
      },
      scaling: {
        clusters: {
          'meschain-eu-west': { serviceAccountToken: 'token-eu-west' },
        },
      },
    };

    it('takes URL and CA from the Resource, and the token from scaling.clusters', async () => {
      const { clusters } = await clustersOf(config, [
        clusterResource('meschain-eu-west', {
          'kubernetes.io/api-server': 'https://eu-west.cluster.internal',
          'kubernetes.io/api-server-certificate-authority': 'Q0E=',
          'kubernetes.io/skip-tls-verify': 'true',
        }),
        clusterResource('meschain-unmanaged', {}),
      ]);

      expect(clusters).toEqual([
        {
          name: 'meschain-eu-west',
          url: 'https://eu-west.cluster.internal',
          caData: 'Q0E=',
          // Only honoured with dangerouslyAllowSkipTLSVerify.
          skipTLSVerify: false,
          authHeaders: expect.any(Function),
        },
      ]);
      await expect(clusters[0].authHeaders()).resolves.toEqual({
        Authorization: 'Bearer token-eu-west',
      });
    });

    it('skips a Resource whose URL a token must not be sent to, and names that share a Resource', async () => {
      const { clusters, logger } = await clustersOf(config, [
        clusterResource('meschain-eu-west', {
          'kubernetes.io/api-server': 'http://10.0.0.8',
        }),
        clusterResource('meschain-us-east', {
          'kubernetes.io/api-server': 'https://us-east.cluster.internal',
        }),
        clusterResource(
          'meschain-us-east',
          { 'kubernetes.io/api-server': 'https://attacker.cluster.internal' },
          'team-sandbox',
        ),
      ]);

      expect(clusters).toEqual([]);
      expect(logger.warn).toHaveBeenCalledWith(
        'Ignoring cluster resource:default/meschain-eu-west: its kubernetes.io/api-server annotation is refused',
        { error: 'InputError: the URL must use HTTPS' },
      );
      expect(logger.warn).toHaveBeenCalledWith(
        'Ignoring cluster meschain-us-east: several catalog Resources have that name',
        {
          entityRefs:
            'resource:default/meschain-us-east,resource:team-sandbox/meschain-us-east',
        },
      );
    });
  });
});
