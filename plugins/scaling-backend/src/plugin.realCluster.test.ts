import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  issueClientCertificate,
  RealCluster,
  RealClusters,
  startTestRealClusters,
  TARGETS_REAL_CLUSTER,
} from '@meschain/kube-sandbox';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { sandboxClusterName } from './__testUtils__/kubeSandbox';
import { clusterEntity, serviceEntity } from './__testUtils__/serviceEntity';
import { scalingPlugin } from './plugin';

jest.setTimeout(300_000);

const describeOnRealCluster = TARGETS_REAL_CLUSTER ? describe : describe.skip;

const NAMESPACE = 'meschain-sync';
/** A Deployment with a memory HPA. */
const DEPLOYMENT = 'logging-service';
/** A canary Rollout with a CPU HPA. */
const CANARY = 'monitoring-service';

type ClusterAuth = Record<string, string | Record<string, string>>;

/** The portal's backend, locating the one real cluster with `auth`, and the catalog of its services. */
async function startBackend(
  cluster: RealCluster,
  auth: ClusterAuth,
  scaling: Record<string, unknown> = {},
) {
  const region = cluster.region;
  const entities: Entity[] = [
    serviceEntity(DEPLOYMENT, {
      owner: 'platform-team',
      regions: [region],
      tier: 'standard',
    }),
    serviceEntity(CANARY, {
      owner: 'platform-team',
      regions: [region],
      tier: 'standard',
    }),
    clusterEntity(region),
  ];
  const { server } = await startTestBackend({
    features: [
      scalingPlugin,
      mockServices.rootConfig.factory({
        data: {
          kubernetes: {
            clusterLocatorMethods: [
              {
                type: 'config',
                clusters: [
                  {
                    name: sandboxClusterName(region),
                    url: cluster.url,
                    caData: Buffer.from(cluster.caPem).toString('base64'),
                    ...auth,
                  },
                ],
              },
            ],
          },
          scaling: { clusterTimeoutMs: 10_000, stateCacheTtlMs: 0, ...scaling },
        },
      }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      mockServices.permissions.mock({
        authorize: async requests =>
          requests.map(() => ({ result: AuthorizeResult.ALLOW })),
      }).factory,
      catalogServiceMock.factory({ entities }),
    ],
  });
  return server;
}

const entityPath = (name: string) =>
  `/api/scaling/entities/component/default/${name}`;

type Server = Awaited<ReturnType<typeof startBackend>>;

/** Calls an entity's route as the signed-in user. */
const getAs = (server: Server, name: string, route: string) =>
  request(server)
    .get(`${entityPath(name)}/${route}`)
    .set('Authorization', mockCredentials.user.header());
const postAs = (server: Server, name: string, route: string, body: object) =>
  request(server)
    .post(`${entityPath(name)}/${route}`)
    .set('Authorization', mockCredentials.user.header())
    .send(body);

/** A policy apply to one region, scaling between `min` and `max` on CPU. */
function cpuPolicy(
  region: string,
  min: number,
  max: number,
  utilization: number,
) {
  return {
    regions: [region],
    policy: {
      minReplicas: min,
      maxReplicas: max,
      targets: [{ kind: 'cpu', averageUtilization: utilization }],
    },
  };
}

describeOnRealCluster(
  'the scaling backend against a real control plane',
  () => {
    let real: RealClusters;
    let cluster: RealCluster;

    beforeAll(async () => {
      real = await startTestRealClusters({ clusters: 1 });
      cluster = real.clusters[0];
    });

    afterAll(() => real?.close());

    const autoscalerPath = (name: string) =>
      `/apis/autoscaling/v2/namespaces/${NAMESPACE}/horizontalpodautoscalers/${name}`;
    /** What the API server holds, read with the admin certificate: the test's own witness. */
    const live = (path: string) => cluster.admin.expect('GET', path);

    describe('with a read-only service account', () => {
      let server: Server;

      beforeAll(async () => {
        server = await startBackend(cluster, {
          authProvider: 'serviceAccount',
          serviceAccountToken: cluster.portal.readOnlyToken,
        });
      });

      it('still reads, and a write fails as a 403 naming the missing permission, changing nothing', async () => {
        const read = await getAs(server, CANARY, 'scaling');
        expect(read.status).toBe(200);
        expect(read.body.clusters[0].error).toBeUndefined();

        const before = await live(autoscalerPath(CANARY));
        const response = await postAs(
          server,
          CANARY,
          'policy',
          cpuPolicy(cluster.region, 4, 9, 60),
        );
        const [result] = response.body.results ?? [response.body];
        expect(JSON.stringify(result)).toMatch(
          /cannot (patch|update) resource \\?"horizontalpodautoscalers\\?" in API group \\?"autoscaling\\?"/,
        );
        const after = await live(autoscalerPath(CANARY));
        expect(after.metadata.resourceVersion).toBe(
          before.metadata.resourceVersion,
        );
      });
    });

    describe('with an x509 client certificate', () => {
      const USER = 'meschain-scaling-portal';
      let server: Server;

      beforeAll(async () => {
        const certificate = issueClientCertificate(
          real.pki,
          mkdtempSync(join(tmpdir(), 'scaling-x509-')),
          USER,
        );
        for (const role of [
          'meschain-scaling-reader',
          'meschain-scaling-writer',
        ]) {
          await cluster.admin.apply(
            '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings',
            {
              apiVersion: 'rbac.authorization.k8s.io/v1',
              kind: 'ClusterRoleBinding',
              metadata: { name: `${role}-x509` },
              roleRef: {
                apiGroup: 'rbac.authorization.k8s.io',
                kind: 'ClusterRole',
                name: role,
              },
              subjects: [
                {
                  apiGroup: 'rbac.authorization.k8s.io',
                  kind: 'User',
                  name: USER,
                },
              ],
            },
          );
        }
        server = await startBackend(cluster, {
          authProvider: 'x509ClientCertificate',
          authMetadata: {
            clientCertificateData: Buffer.from(certificate.certPem).toString(
              'base64',
            ),
            clientKeyData: Buffer.from(certificate.keyPem).toString('base64'),
          },
        });
      });

      it('reads and writes as the certificate’s user', async () => {
        const read = await getAs(server, CANARY, 'scaling');
        expect(read.status).toBe(200);
        expect(read.body.clusters[0].error).toBeUndefined();
        const rollout = await live(
          `/apis/argoproj.io/v1alpha1/namespaces/${NAMESPACE}/rollouts/${CANARY}`,
        );
        expect(read.body.clusters[0].workloads[0].replicas.desired).toBe(
          rollout.spec.replicas,
        );

        const response = await postAs(
          server,
          CANARY,
          'policy',
          cpuPolicy(cluster.region, 4, 14, 65),
        );
        expect(response.status).toBe(200);
        expect(response.body.results).toEqual([
          expect.objectContaining({ outcome: 'updated' }),
        ]);
        expect((await live(autoscalerPath(CANARY))).spec).toMatchObject({
          minReplicas: 4,
          maxReplicas: 14,
        });
      });
    });
  },
);
