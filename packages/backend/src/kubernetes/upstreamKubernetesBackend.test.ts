import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import { Sandbox, startSandbox } from '@meschain/kube-sandbox';
import { createSelfSignedCertificate } from '@meschain/kube-sandbox/src/tls';
import request from 'supertest';
import clusterAuthStrategiesModule from './clusterAuthStrategiesModule';

// The upstream backend loads @kubernetes/client-node with import(). Jest runs
// native dynamic imports only under --experimental-vm-modules, so this
// package's Jest transform (see "jest" in its package.json) compiles them to
// require() instead, as Backstage does for frontend packages.
jest.setTimeout(60_000);

const orderService: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'order-service',
    namespace: 'default',
    annotations: {
      'backstage.io/kubernetes-id': 'order-service',
      'backstage.io/kubernetes-namespace': 'meschain-sync',
    },
  },
  spec: { type: 'service', owner: 'commerce-team', lifecycle: 'production' },
};

interface ClusterObjects {
  cluster: { name: string };
  errors: unknown[];
  resources: Array<{
    type: string;
    resources: Array<{ metadata: { name: string } }>;
  }>;
}

describe('the upstream Kubernetes backend against the kube-sandbox', () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, speed: 0, seed: 7 });
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  it('shows a catalog service’s workloads in every region with no errors', async () => {
    const regions = ['us-east', 'eu-west'];
    const { server } = await startTestBackend({
      features: [
        kubernetesPlugin,
        clusterAuthStrategiesModule,
        catalogServiceMock.factory({ entities: [orderService] }),
        mockServices.rootConfig.factory({
          data: {
            kubernetes: {
              serviceLocatorMethod: { type: 'multiTenant' },
              clusterLocatorMethods: [
                {
                  type: 'config',
                  clusters: regions.map(region => ({
                    name: `meschain-${region}`,
                    url: sandbox.clusterUrl(region, 'http'),
                    authProvider: 'serviceAccount',
                    serviceAccountToken: sandbox.cluster(region).token,
                    skipTLSVerify: true,
                  })),
                },
              ],
            },
          },
        }),
      ],
    });

    const response = await request(server)
      .post('/api/kubernetes/services/order-service')
      .set('Authorization', mockCredentials.user.header())
      .send({ entity: orderService });

    expect(response.status).toBe(200);
    const items: ClusterObjects[] = response.body.items;
    expect(items.map(item => item.cluster.name).sort()).toEqual([
      'meschain-eu-west',
      'meschain-us-east',
    ]);
    for (const item of items) {
      expect(item.errors).toEqual([]);
      const region = item.cluster.name.replace('meschain-', '');
      const expectedPods = sandbox
        .cluster(region)
        .store.list('pods', {
          namespace: 'meschain-sync',
          labelSelector: 'backstage.io/kubernetes-id=order-service',
        })
        .items.map(pod => pod.metadata.name)
        .sort();
      const pods = item.resources.find(r => r.type === 'pods')!.resources;
      expect(expectedPods.length).toBeGreaterThan(0);
      expect(pods.map(pod => pod.metadata.name).sort()).toEqual(expectedPods);
      const services = item.resources.find(r => r.type === 'services')!;
      expect(services.resources.map(s => s.metadata.name)).toContain(
        'order-service',
      );
    }
  });

  it('starts with an x509ClientCertificate cluster, and lists it without its certificate', async () => {
    const client = createSelfSignedCertificate({ commonName: 'meschain' });
    const base64 = (text: string) => Buffer.from(text).toString('base64');
    const { server } = await startTestBackend({
      features: [
        kubernetesPlugin,
        clusterAuthStrategiesModule,
        mockServices.rootConfig.factory({
          data: {
            kubernetes: {
              serviceLocatorMethod: { type: 'multiTenant' },
              clusterLocatorMethods: [
                {
                  type: 'config',
                  clusters: [
                    {
                      name: 'meschain-kubeadm',
                      url: 'https://127.0.0.1:6443',
                      authProvider: 'x509ClientCertificate',
                      authMetadata: {
                        clientCertificateData: base64(client.certPem),
                        clientKeyData: base64(client.keyPem),
                      },
                    },
                  ],
                },
              ],
            },
          },
        }),
      ],
    });

    const response = await request(server)
      .get('/api/kubernetes/clusters')
      .set('Authorization', mockCredentials.user.header());

    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([
      { name: 'meschain-kubeadm', authProvider: 'x509ClientCertificate' },
    ]);
  });
});
