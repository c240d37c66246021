import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  EntityScalingState,
  parseQuantity,
  RegionsOverview,
  LABEL_MANAGED_BY,
  MANAGED_BY_SCALING,
} from '@meschain/backstage-plugin-scaling-common';
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
import { ScalingCluster } from '@meschain/backstage-plugin-scaling-node';
import request from 'supertest';
import { sandboxClusterName } from './__testUtils__/kubeSandbox';
import { clusterEntity, serviceEntity } from './__testUtils__/serviceEntity';
import { scalingPlugin } from './plugin';
import { createKubernetesClients } from './services/Clusters';
import { createCostEntityMapping } from './services/Cost/costEntityMapping';
import { createCostWorkloadObserver } from './services/Cost/observeCostWorkloads';

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

async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
) {
  const deadline = Date.now() + 120_000;
  let value = await read();
  while (!done(value)) {
    if (Date.now() > deadline)
      throw new Error(`${what}: still ${JSON.stringify(value)}`);
    await new Promise(resolve => setTimeout(resolve, 1_000));
    value = await read();
  }
  return value;
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

    const deploymentPath = `/apis/apps/v1/namespaces/${NAMESPACE}/deployments/${DEPLOYMENT}`;
    const autoscalerPath = (name: string) =>
      `/apis/autoscaling/v2/namespaces/${NAMESPACE}/horizontalpodautoscalers/${name}`;
    /** What the API server holds, read with the admin certificate: the test's own witness. */
    const live = (path: string) => cluster.admin.expect('GET', path);

    const workloadRef = {
      kind: 'Deployment',
      namespace: NAMESPACE,
      name: DEPLOYMENT,
    };

    describe('with the shipped least-privilege service account', () => {
      let server: Server;

      beforeAll(async () => {
        server = await startBackend(cluster, {
          authProvider: 'serviceAccount',
          serviceAccountToken: cluster.portal.token,
        });
      });

      const scalingTab = async (name: string): Promise<EntityScalingState> => {
        const response = await getAs(server, name, 'scaling');
        expect(response.status).toBe(200);
        return response.body;
      };
      const post = (name: string, route: string, body: object) =>
        postAs(server, name, route, body);

      it('shows the replicas, HPA and pod usage the real cluster holds', async () => {
        const deployment = await live(deploymentPath);
        const hpa = await live(autoscalerPath(DEPLOYMENT));
        const state = await scalingTab(DEPLOYMENT);
        const [shown] = state.clusters[0].workloads!;
        expect(state.clusters[0].error).toBeUndefined();
        expect(shown.replicas.desired).toBe(deployment.spec.replicas);
        expect(shown.replicas.ready).toBe(deployment.status.readyReplicas);
        expect(shown.autoscaler).toMatchObject({
          minReplicas: hpa.spec.minReplicas,
          maxReplicas: hpa.spec.maxReplicas,
        });
      });

      it('previews a policy with a server-side dry run and the real API server stores nothing', async () => {
        const before = await live(autoscalerPath(DEPLOYMENT));
        const response = await post(DEPLOYMENT, 'policy', {
          regions: [cluster.region],
          policy: {
            minReplicas: 2,
            maxReplicas: 20,
            targets: [{ kind: 'cpu', averageUtilization: 70 }],
          },
          dryRun: true,
        });
        expect(response.status).toBe(200);
        expect(response.body.results).toEqual([
          expect.objectContaining({
            outcome: 'updated',
            hpa: expect.objectContaining({
              spec: expect.objectContaining({ maxReplicas: 20 }),
            }),
          }),
        ]);
        const after = await live(autoscalerPath(DEPLOYMENT));
        expect(after.metadata.resourceVersion).toBe(
          before.metadata.resourceVersion,
        );
      });

      it('applies a CPU policy, and the real HPA controller scales on the metrics adapter’s CPU usage', async () => {
        const response = await post(
          CANARY,
          'policy',
          cpuPolicy(cluster.region, 3, 12, 70),
        );
        expect(response.status).toBe(200);
        expect(response.body.results).toEqual([
          expect.objectContaining({ outcome: 'updated' }),
        ]);
        const hpa = await eventually(
          () => live(autoscalerPath(CANARY)),
          value =>
            value.status?.conditions?.some(
              (c: any) => c.type === 'ScalingActive' && c.status === 'True',
            ) && value.status.currentMetrics?.length > 0,
          'the HPA reading CPU through metrics.k8s.io',
        );
        expect(hpa.metadata.labels[LABEL_MANAGED_BY]).toBe(MANAGED_BY_SCALING);
        expect(hpa.spec).toMatchObject({ minReplicas: 3, maxReplicas: 12 });
        expect(hpa.status.desiredReplicas).toBeGreaterThanOrEqual(3);
        expect(
          hpa.status.currentMetrics[0].resource.current.averageUtilization,
        ).toBeGreaterThan(0);
      });

      it('deletes the policy, scales through /scale, and refuses a stale resourceVersion', async () => {
        const deleted = await request(server)
          .delete(`${entityPath(DEPLOYMENT)}/policy?regions=${cluster.region}`)
          .set('Authorization', mockCredentials.user.header());
        expect(deleted.status).toBe(200);
        expect(
          (await cluster.admin.request('GET', autoscalerPath(DEPLOYMENT)))
            .status,
        ).toBe(404);

        const [loaded] = (await scalingTab(DEPLOYMENT)).clusters[0].workloads!;
        const target = loaded.replicas.desired + 1;
        const scaled = await post(DEPLOYMENT, 'scale', {
          cluster: sandboxClusterName(cluster.region),
          workload: workloadRef,
          replicas: target,
          resourceVersion: loaded.resourceVersion,
        });
        expect(scaled.status).toBe(200);
        expect((await live(deploymentPath)).spec.replicas).toBe(target);
        await eventually(
          () => live(deploymentPath),
          d => d.status.readyReplicas === target,
          'kwok running the new pod',
        );

        const stale = await post(DEPLOYMENT, 'scale', {
          cluster: sandboxClusterName(cluster.region),
          workload: workloadRef,
          replicas: target + 3,
          resourceVersion: loaded.resourceVersion,
        });
        expect(stale.status).toBe(409);
        expect((await live(deploymentPath)).spec.replicas).toBe(target);
      });
    });

    describe('release actions, acted on by the real Argo Rollouts controller', () => {
      let server: Server;
      const rolloutPath = `/apis/argoproj.io/v1alpha1/namespaces/${NAMESPACE}/rollouts/${CANARY}`;
      const act = (action: string, extra: object = {}) =>
        postAs(server, CANARY, 'rollouts/actions', {
          cluster: sandboxClusterName(cluster.region),
          workload: { kind: 'Rollout', namespace: NAMESPACE, name: CANARY },
          action,
          ...extra,
        });
      const rollout = () => live(rolloutPath);

      beforeAll(async () => {
        server = await startBackend(cluster, {
          authProvider: 'serviceAccount',
          serviceAccountToken: cluster.portal.token,
        });
      });

      it('sets an image, pauses at the first step, aborts, retries and promotes fully', async () => {
        const image = 'meschain/monitoring-service:9.9.9';
        const started = await act('set-image', {
          image: { container: CANARY, image },
        });
        expect(started.status).toBe(200);
        await eventually(
          rollout,
          r =>
            r.status?.currentStepIndex === 1 &&
            r.status.pauseConditions?.[0]?.reason === 'CanaryPauseStep',
          'the canary paused at its first pause step',
        );

        expect((await act('abort')).status).toBe(200);
        const aborted = await eventually(
          rollout,
          r => r.status?.abort === true && r.status.phase === 'Degraded',
          'the canary aborted',
        );
        expect(aborted.status.message).toContain('RolloutAborted');

        expect((await act('retry')).status).toBe(200);
        await eventually(
          rollout,
          r =>
            !r.status?.abort &&
            r.status?.currentStepIndex === 1 &&
            r.status.phase === 'Paused',
          'the canary retried and paused again',
        );

        expect((await act('promote-full')).status).toBe(200);
        const healthy = await eventually(
          rollout,
          r =>
            r.status?.phase === 'Healthy' &&
            r.status.stableRS === r.status.currentPodHash,
          'the canary promoted fully',
        );
        expect(healthy.spec.template.spec.containers[0].image).toBe(image);
      });
    });

    describe('regions', () => {
      it('reports capacity equal to the sums of the nodes and pods the real cluster holds', async () => {
        const server = await startBackend(
          cluster,
          {
            authProvider: 'serviceAccount',
            serviceAccountToken: cluster.portal.token,
          },
          {
            regions: [
              {
                id: cluster.region,
                displayName: cluster.region,
                latitude: 39.04,
                longitude: -77.49,
                role: 'primary',
                clusters: [sandboxClusterName(cluster.region)],
              },
            ],
          },
        );
        const response = await request(server)
          .get('/api/scaling/regions')
          .set('Authorization', mockCredentials.user.header());
        expect(response.status).toBe(200);
        const [region] = (response.body as RegionsOverview).regions;

        const nodes = (await live('/api/v1/nodes')).items;
        const pods = (await live('/api/v1/pods')).items.filter(
          (pod: any) =>
            pod.spec.nodeName &&
            !['Succeeded', 'Failed'].includes(pod.status.phase),
        );
        const requests = pods.flatMap((pod: any) =>
          pod.spec.containers.map((c: any) => c.resources?.requests ?? {}),
        );
        const sum = (values: string[]) =>
          values.reduce((total, v) => total + parseQuantity(v), 0);
        expect(region.capacity).toMatchObject({
          nodes: nodes.length,
          readyNodes: nodes.length,
        });
        expect(region.capacity.allocatable.cpuCores).toBeCloseTo(
          sum(nodes.map((n: any) => n.status.allocatable.cpu)),
          6,
        );
        expect(region.capacity.requested.cpuCores).toBeCloseTo(
          sum(requests.map((r: any) => r.cpu ?? '0')),
          6,
        );
        expect(region.capacity.requested.memoryBytes).toBe(
          sum(requests.map((r: any) => r.memory ?? '0')),
        );
        expect(region.health).toBe('healthy');
        expect(region.services.map(s => s.kubernetesId)).toEqual(
          expect.arrayContaining([DEPLOYMENT, CANARY]),
        );
      });
    });

    describe('the cost refresh', () => {
      it('observes a Rollout’s replicas, requests and HPA as the real cluster holds them', async () => {
        const scalingCluster: ScalingCluster = {
          name: sandboxClusterName(cluster.region),
          url: cluster.url,
          caData: Buffer.from(cluster.caPem).toString('base64'),
          authMetadata: {},
          getCredential: async () => ({
            type: 'bearer token',
            token: cluster.portal.token,
          }),
        };
        const kubernetes = createKubernetesClients({
          requestTimeoutMs: 10_000,
        });
        try {
          const observe = createCostWorkloadObserver({
            clusters: {
              listClusters: async () => [scalingCluster],
              getCluster: async () => scalingCluster,
            },
            kubernetes,
            timeoutMs: 10_000,
          });
          const workloads = await observe(
            { name: scalingCluster.name, region: cluster.region },
            createCostEntityMapping([
              serviceEntity(CANARY, { owner: 'platform-team' }),
            ]),
          );
          const rollout = await live(
            `/apis/argoproj.io/v1alpha1/namespaces/${NAMESPACE}/rollouts/${CANARY}`,
          );
          const hpa = await live(autoscalerPath(CANARY));
          const { requests } =
            rollout.spec.template.spec.containers[0].resources;
          expect(workloads).toEqual([
            expect.objectContaining({
              kind: 'Rollout',
              name: CANARY,
              replicas: rollout.spec.replicas,
              cpuRequestCoresPerReplica: parseQuantity(requests.cpu),
              memoryRequestGiBPerReplica:
                parseQuantity(requests.memory) / 1024 ** 3,
              autoscaler: {
                minReplicas: hpa.spec.minReplicas,
                cpuTargetUtilization:
                  hpa.spec.metrics[0].resource.target.averageUtilization,
              },
            }),
          ]);
        } finally {
          await kubernetes.close();
        }
      });
    });

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
