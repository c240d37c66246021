import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createSelfSignedCertificate } from '@meschain/kube-sandbox/src/tls';
import { createClusterAuthStrategy } from './auth/clusterAuthStrategies';
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
  const configReader = new ConfigReader(config);
  const sources = clusterSourcesFromConfig({
    config: configReader,
    catalog: catalogServiceMock({ entities }),
    auth: mockServices.auth(),
    logger,
    clusterResourceType: 'kubernetes-cluster',
    authStrategy: createClusterAuthStrategy({ config: configReader, logger }),
  });
  const clusters = (
    await Promise.all(sources.map(source => source.supplier.getClusters()))
  ).flat();
  return { sources, clusters, logger };
}

function configClusters(...clusters: object[]): ConfigData {
  return {
    kubernetes: { clusterLocatorMethods: [{ type: 'config', clusters }] },
  };
}

const base64 = (text: string) => Buffer.from(text).toString('base64');

describe('clusterSourcesFromConfig', () => {
  const client = createSelfSignedCertificate({ commonName: 'scaling-portal' });

  it('reads config clusters with the keys of the upstream Kubernetes backend', async () => {
    const { clusters } = await clustersOf(
      configClusters({
        name: 'meschain-us-east',
        url: 'https://us-east.k8s.example.com',
        title: 'us-east',
        authProvider: 'serviceAccount',
        serviceAccountToken: 'token-us-east',
        caData: 'Q0E=',
        skipTLSVerify: false,
      }),
    );

    expect(clusters).toEqual([
      {
        name: 'meschain-us-east',
        url: 'https://us-east.k8s.example.com',
        title: 'us-east',
        caData: 'Q0E=',
        skipTLSVerify: false,
        authMetadata: {
          'kubernetes.io/auth-provider': 'serviceAccount',
          serviceAccountToken: 'token-us-east',
        },
        getCredential: expect.any(Function),
      },
    ]);
    await expect(clusters[0].getCredential()).resolves.toEqual({
      type: 'bearer token',
      token: 'token-us-east',
    });
  });

  it('builds authMetadata as upstream does: flat keys first, then the authMetadata block', async () => {
    const { clusters } = await clustersOf(
      configClusters({
        name: 'eks',
        url: 'https://eks.example.com',
        authProvider: 'aws',
        assumeRole: 'arn:aws:iam::123456789012:role/scaling',
        externalId: 'from-the-flat-key',
        authMetadata: {
          'kubernetes.io/aws-external-id': 'from-the-block',
          'kubernetes.io/x-k8s-aws-id': 'meschain-eks',
        },
      }),
    );

    expect(clusters[0].authMetadata).toEqual({
      'kubernetes.io/auth-provider': 'aws',
      'kubernetes.io/aws-assume-role': 'arn:aws:iam::123456789012:role/scaling',
      'kubernetes.io/aws-external-id': 'from-the-block',
      'kubernetes.io/x-k8s-aws-id': 'meschain-eks',
    });
  });

  it('gives an x509ClientCertificate cluster the certificate and key of its authMetadata', async () => {
    const { clusters } = await clustersOf(
      configClusters({
        name: 'kubeadm',
        url: 'https://kubeadm.example.com',
        authProvider: 'x509ClientCertificate',
        authMetadata: {
          clientCertificateData: base64(client.certPem),
          clientKeyData: base64(client.keyPem),
        },
      }),
    );

    await expect(clusters[0].getCredential()).resolves.toEqual({
      type: 'x509 client certificate',
      cert: client.certPem,
      key: client.keyPem,
    });
  });

  it('gives a localKubectlProxy cluster no credential at all', async () => {
    const { clusters } = await clustersOf(
      configClusters({
        name: 'local',
        url: 'http://127.0.0.1:8001',
        authProvider: 'localKubectlProxy',
      }),
    );

    await expect(clusters[0].getCredential()).resolves.toEqual({
      type: 'anonymous',
    });
  });

  it.each([
    [
      'an authProvider without a strategy',
      { authProvider: 'kerberos' },
      'Invalid config kubernetes.clusterLocatorMethods[0].clusters[0]: Cluster legacy cannot be authenticated to: authProvider "kerberos" has no config associated with it',
    ],
    [
      'an x509 client certificate without its key',
      {
        authProvider: 'x509ClientCertificate',
        authMetadata: { clientCertificateData: base64(client.certPem) },
      },
      'Invalid config kubernetes.clusterLocatorMethods[0].clusters[0]: Cluster legacy cannot be authenticated to: the x509ClientCertificate authProvider needs authMetadata.clientKeyData',
    ],
    [
      'an x509 client certificate with the key of another one',
      {
        authProvider: 'x509ClientCertificate',
        authMetadata: {
          clientCertificateData: base64(client.certPem),
          clientKeyData: base64(createSelfSignedCertificate().keyPem),
        },
      },
      'Invalid config kubernetes.clusterLocatorMethods[0].clusters[0]: Cluster legacy cannot be authenticated to: authMetadata.clientKeyData is not the key of the certificate in authMetadata.clientCertificateData',
    ],
  ])('refuses at start-up %s', async (_, auth, message) => {
    await expect(
      clustersOf(
        configClusters({
          name: 'legacy',
          url: 'https://legacy.example.com',
          ...auth,
        }),
      ),
    ).rejects.toThrow(message);
  });

  it('lists a cluster it cannot authenticate to, and says why on every request', async () => {
    const { clusters } = await clustersOf(
      configClusters(
        { name: 'no-token', url: 'https://no-token.example.com' },
        {
          name: 'gke',
          url: 'https://gke.example.com',
          authProvider: 'google',
        },
      ),
    );

    await expect(clusters[0].getCredential()).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message:
        'No service-account token is configured for cluster no-token: set kubernetes.clusterLocatorMethods[0].clusters[0].serviceAccountToken',
    });
    // A provider that needs the signed-in user's token: the scaling backend acts on its own.
    await expect(clusters[1].getCredential()).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message:
        'Cluster gke got no credential from its authProvider "google"; caused by Error: Google token not found under auth.google in request body',
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
          authMetadata: {
            'kubernetes.io/auth-provider': 'serviceAccount',
            'kubernetes.io/api-server': 'https://eu-west.cluster.internal',
            'kubernetes.io/api-server-certificate-authority': 'Q0E=',
            'kubernetes.io/skip-tls-verify': 'true',
            serviceAccountToken: 'token-eu-west',
          },
          getCredential: expect.any(Function),
        },
      ]);
      await expect(clusters[0].getCredential()).resolves.toEqual({
        type: 'bearer token',
        token: 'token-eu-west',
      });
    });

    it("takes the provider from the Resource's annotation, and its secrets from scaling.clusters", async () => {
      const { clusters } = await clustersOf(
        {
          ...config,
          scaling: {
            clusters: {
              'meschain-eu-west': {
                authMetadata: {
                  clientCertificateData: base64(client.certPem),
                  clientKeyData: base64(client.keyPem),
                },
              },
            },
          },
        },
        [
          clusterResource('meschain-eu-west', {
            'kubernetes.io/api-server': 'https://eu-west.cluster.internal',
            'kubernetes.io/auth-provider': 'x509ClientCertificate',
          }),
        ],
      );

      await expect(clusters[0].getCredential()).resolves.toEqual({
        type: 'x509 client certificate',
        cert: client.certPem,
        key: client.keyPem,
      });
    });

    it('skips a Resource whose authProvider has no strategy, with a warning naming both', async () => {
      const { clusters, logger } = await clustersOf(config, [
        clusterResource('meschain-eu-west', {
          'kubernetes.io/api-server': 'https://eu-west.cluster.internal',
          'kubernetes.io/auth-provider': 'kerberos',
        }),
      ]);

      expect(clusters).toEqual([]);
      expect(logger.warn).toHaveBeenCalledWith(
        'Ignoring cluster resource:default/meschain-eu-west: Cluster meschain-eu-west cannot be authenticated to: authProvider "kerberos" has no config associated with it',
      );
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
