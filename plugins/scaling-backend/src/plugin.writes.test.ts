import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  DEFAULT_SCALING_PRESETS,
  EntityScalingState,
  LABEL_MANAGED_BY,
  MANAGED_BY_SCALING,
  PolicyApplyResult,
  ScalingHistory,
  scalingReplicasZeroPermission,
} from '@meschain/backstage-plugin-scaling-common';
import request from 'supertest';
import {
  auditDatabaseIds,
  CLUSTER_TARGET,
  ClusterTarget,
  clusterName,
  describeSandboxOnly,
  startClusterTarget,
} from './__testUtils__/clusterTarget';
import { loadUpstreamAuthStrategies } from './__testUtils__/upstreamAuthStrategies';
import { scalingPlugin } from './plugin';
import { clusterEntity, serviceEntity } from './__testUtils__/serviceEntity';

jest.setTimeout(CLUSTER_TARGET === 'sandbox' ? 60_000 : 300_000);

const NAMESPACE = 'meschain-sync';
const REGIONS = ['us-east', 'eu-west', 'tr-central'];
/** Owned by the caller's team: writes are allowed, except to zero replicas. */
const OWNED = 'logging-service';
/** An Argo Rollout, owned by the caller's team too. */
const OWNED_ROLLOUT = 'order-service';
/** Owned by another team: writes are refused. */
const NOT_OWNED = 'analytics-service';
const CPU_POLICY = {
  minReplicas: 2,
  maxReplicas: 20,
  targets: [{ kind: 'cpu', averageUtilization: 70, scaleDownBelow: 30 }],
};

type ClusterDeployment = {
  metadata: { resourceVersion: string; generation: number };
  spec: { replicas: number };
};
type ClusterAutoscaler = {
  metadata: {
    resourceVersion: string;
    generation: number;
    labels?: Record<string, string>;
  };
  spec: { minReplicas?: number; maxReplicas: number };
  status?: {
    currentReplicas?: number;
    desiredReplicas?: number;
    conditions?: Array<{ type: string; status: string }>;
    currentMetrics?: Array<{
      resource?: { current: { averageUtilization?: number } };
    }>;
  };
};

/**
 * What a write would change: the spec with the generation that counts its changes, and the labels
 * and annotations. Not the status, which the cluster's controllers keep writing.
 */
function desiredState(object: {
  metadata: {
    generation: number;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec: unknown;
}) {
  const { generation, labels, annotations } = object.metadata;
  return { generation, labels, annotations, spec: object.spec };
}

function service(name: string, owner: string): Entity {
  return serviceEntity(name, { owner, regions: REGIONS, tier: 'standard' });
}

const databases = TestDatabases.create();

// The audit trail is part of every write, so the whole suite runs on each database.
describe.each(auditDatabaseIds(databases))(
  `scaling writes, against the ${CLUSTER_TARGET}, audited in %p`,
  databaseId => {
    let target: ClusterTarget;
    let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
    const auditor = mockServices.auditor.mock();
    const auditorEvent = { success: jest.fn(), fail: jest.fn() };

    beforeAll(async () => {
      target = await startClusterTarget({ regions: REGIONS });
      await loadUpstreamAuthStrategies();
      auditor.createEvent.mockResolvedValue(auditorEvent);
      const permissions = mockServices.permissions.mock({
        authorize: async requests =>
          requests.map(item => ({
            result:
              'resourceRef' in item &&
              [OWNED, OWNED_ROLLOUT]
                .map(name => `component:default/${name}`)
                .includes(item.resourceRef ?? '') &&
              item.permission.name !== scalingReplicasZeroPermission.name
                ? AuthorizeResult.ALLOW
                : AuthorizeResult.DENY,
          })),
      });
      ({ server } = await startTestBackend({
        features: [
          scalingPlugin,
          mockServices.rootConfig.factory({
            data: {
              kubernetes: target.kubernetesConfig(REGIONS),
              scaling: {
                clusterTimeoutMs: target.clusterTimeoutMs,
                stateCacheTtlMs: 10_000,
                guardRails: {
                  maxReplicasByTier: { standard: 20, critical: 25 },
                  defaultMaxReplicas: 10,
                },
              },
            },
          }),
          mockServices.httpAuth.factory({
            defaultCredentials: mockCredentials.none(),
          }),
          permissions.factory,
          auditor.factory,
          mockServices.database.factory({
            knex: await databases.init(databaseId),
            migrations: { skip: false },
          }),
          catalogServiceMock.factory({
            entities: [
              service(OWNED, 'platform-team'),
              service(OWNED_ROLLOUT, 'platform-team'),
              service(NOT_OWNED, 'data-team'),
              ...REGIONS.map(region => clusterEntity(region)),
            ],
          }),
        ],
      }));
    });

    afterAll(() => target?.close());

    afterEach(() => target.clearFaults());

    const entityPath = (name: string) =>
      `/api/scaling/entities/component/default/${name}`;

    function post(name: string, route: string, body: unknown) {
      return request(server)
        .post(`${entityPath(name)}/${route}`)
        .set('Authorization', mockCredentials.user.header())
        .send(body as object);
    }

    function deletePolicy(name: string, regions: string) {
      return request(server)
        .delete(`${entityPath(name)}/policy?regions=${regions}`)
        .set('Authorization', mockCredentials.user.header());
    }

    async function history(name: string): Promise<ScalingHistory> {
      const response = await request(server)
        .get(`${entityPath(name)}/history?limit=100`)
        .set('Authorization', mockCredentials.user.header());
      expect(response.status).toBe(200);
      return response.body;
    }

    const deploymentPath = (name: string) =>
      `/apis/apps/v1/namespaces/${NAMESPACE}/deployments/${name}`;
    const autoscalerPath = (name: string) =>
      `/apis/autoscaling/v2/namespaces/${NAMESPACE}/horizontalpodautoscalers/${name}`;

    const clusterDeployment = (region: string, name = OWNED) =>
      target.read<ClusterDeployment>(region, deploymentPath(name));
    const clusterAutoscaler = (region: string, name = OWNED) =>
      target.read<ClusterAutoscaler>(region, autoscalerPath(name));

    async function clusterHasAutoscaler(region: string) {
      const response = await target.request(region, {
        method: 'GET',
        path: autoscalerPath(OWNED),
      });
      return response.status === 200;
    }

    /** What the scaling tab shows, and the resourceVersion it sends back. */
    async function loadedWorkload(region: string) {
      const response = await request(server)
        .get(`${entityPath(OWNED)}/scaling`)
        .set('Authorization', mockCredentials.user.header());
      const state: EntityScalingState = response.body;
      return state.clusters.find(c => c.region === region)!.workloads![0];
    }

    const workloadRef = {
      kind: 'Deployment',
      namespace: NAMESPACE,
      name: OWNED,
    };

    it('offers the presets and the guard-rails of the entity’s tier', async () => {
      const response = await request(server)
        .get(`${entityPath(OWNED)}/scaling/options`)
        .set('Authorization', mockCredentials.user.header());
      expect(response.status).toBe(200);
      expect(
        response.body.presets.map((p: { name: string }) => p.name),
      ).toEqual(DEFAULT_SCALING_PRESETS.map(p => p.name));
      expect(response.body.guardRails).toEqual({
        maxReplicas: 20,
        tier: 'standard',
        allowedRegions: [],
        scaleToZeroAllowed: false,
      });
    });

    describe('scale', () => {
      it('is refused with its explanation while an HPA owns the replicas', async () => {
        const loaded = await loadedWorkload('us-east');
        const response = await post(OWNED, 'scale', {
          cluster: clusterName('us-east'),
          workload: workloadRef,
          replicas: 5,
          resourceVersion: loaded.resourceVersion,
        });
        expect(response.status).toBe(409);
        expect(response.body.error.message).toBe(
          `HorizontalPodAutoscaler ${OWNED} owns the replicas of Deployment ${NAMESPACE}/${OWNED} in cluster meschain-us-east; change its minimum and maximum instead`,
        );
        expect((await clusterDeployment('us-east')).spec.replicas).toBe(
          loaded.replicas.desired,
        );
        const [refused] = (await history(OWNED)).events.filter(
          e => e.source === 'suite' && e.region === 'us-east',
        );
        expect(refused).toEqual(
          expect.objectContaining({
            action: 'replicas.scale',
            outcome: 'failed',
            message: response.body.error.message,
          }),
        );
      });

      it('sets the replicas through /scale once the policy is deleted, and refuses a stale resourceVersion', async () => {
        const deleted = await deletePolicy(OWNED, 'eu-west');
        expect(deleted.status).toBe(200);
        expect(deleted.body.results).toEqual([
          {
            region: 'eu-west',
            cluster: 'meschain-eu-west',
            outcome: 'deleted',
          },
        ]);
        expect(await clusterHasAutoscaler('eu-west')).toBe(false);

        const loaded = await loadedWorkload('eu-west');
        expect(loaded.autoscaler).toBeUndefined();
        const wanted = loaded.replicas.desired + 1;
        const scaled = await post(OWNED, 'scale', {
          cluster: clusterName('eu-west'),
          workload: workloadRef,
          replicas: wanted,
          resourceVersion: loaded.resourceVersion,
        });
        expect(scaled.status).toBe(200);
        expect(scaled.body).toEqual({
          cluster: 'meschain-eu-west',
          region: 'eu-west',
          workload: workloadRef,
          before: loaded.replicas.desired,
          after: wanted,
        });
        expect((await clusterDeployment('eu-west')).spec.replicas).toBe(wanted);
        // The write evicted the cached state: the tab shows the new count at once.
        expect((await loadedWorkload('eu-west')).replicas.desired).toBe(wanted);

        const stale = await post(OWNED, 'scale', {
          cluster: clusterName('eu-west'),
          workload: workloadRef,
          replicas: wanted + 3,
          resourceVersion: loaded.resourceVersion,
        });
        expect(stale.status).toBe(409);
        expect(stale.body.error.message).toBe(
          `Deployment ${NAMESPACE}/${OWNED} in cluster meschain-eu-west was changed since you loaded it; reload and try again`,
        );
        expect((await clusterDeployment('eu-west')).spec.replicas).toBe(wanted);

        const events = (await history(OWNED)).events.filter(
          e => e.source === 'suite' && e.region === 'eu-west',
        );
        expect(events.slice(0, 3)).toEqual([
          expect.objectContaining({
            action: 'replicas.scale',
            outcome: 'failed',
            message: stale.body.error.message,
          }),
          expect.objectContaining({
            action: 'replicas.scale',
            outcome: 'succeeded',
            actor: 'user:default/mock',
            workload: workloadRef,
            before: { replicas: loaded.replicas.desired },
            after: { replicas: wanted },
          }),
          expect.objectContaining({
            action: 'policy.delete',
            outcome: 'succeeded',
          }),
        ]);
        expect(auditor.createEvent).toHaveBeenCalledWith(
          expect.objectContaining({ eventId: 'scaling-replicas-scale' }),
        );
      });

      it('scales an Argo Rollout through its /scale subresource', async () => {
        const deleted = await deletePolicy(OWNED_ROLLOUT, 'us-east');
        expect(deleted.body.results).toEqual([
          expect.objectContaining({ outcome: 'deleted' }),
        ]);
        const state: EntityScalingState = (
          await request(server)
            .get(`${entityPath(OWNED_ROLLOUT)}/scaling`)
            .set('Authorization', mockCredentials.user.header())
        ).body;
        const [rollout] = state.clusters.find(c => c.region === 'us-east')!
          .workloads!;
        expect(rollout.kind).toBe('Rollout');
        const response = await post(OWNED_ROLLOUT, 'scale', {
          cluster: clusterName('us-east'),
          workload: {
            kind: 'Rollout',
            namespace: NAMESPACE,
            name: OWNED_ROLLOUT,
          },
          replicas: 5,
          resourceVersion: rollout.resourceVersion,
        });
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({
          before: rollout.replicas.desired,
          after: 5,
        });
        const stored = await target.read<ClusterDeployment>(
          'us-east',
          `/apis/argoproj.io/v1alpha1/namespaces/${NAMESPACE}/rollouts/${OWNED_ROLLOUT}`,
        );
        expect(stored.spec.replicas).toBe(5);
      });
    });

    describe('policy', () => {
      it('previews an apply with a server-side dry run and changes nothing', async () => {
        const before = desiredState(await clusterAutoscaler('us-east'));
        const response = await post(OWNED, 'policy', {
          regions: ['us-east'],
          policy: CPU_POLICY,
          dryRun: true,
        });
        expect(response.status).toBe(200);
        const result: PolicyApplyResult = response.body;
        expect(result.dryRun).toBe(true);
        expect(result.results).toEqual([
          expect.objectContaining({
            region: 'us-east',
            outcome: 'updated',
            hpa: expect.objectContaining({
              spec: expect.objectContaining({
                minReplicas: 2,
                maxReplicas: 20,
              }),
            }),
            diff: expect.arrayContaining([
              expect.objectContaining({ path: 'spec.maxReplicas' }),
            ]),
          }),
        ]);
        expect(desiredState(await clusterAutoscaler('us-east'))).toEqual(
          before,
        );
      });

      it('applies to every region, reports a region whose cluster is down, and the HPA controller acts on it', async () => {
        await target.fault('tr-central', { mode: 'down' });
        const response = await post(OWNED, 'policy', {
          regions: ['*'],
          policy: CPU_POLICY,
        });
        expect(response.status).toBe(200);
        const byRegion = Object.fromEntries(
          (response.body as PolicyApplyResult).results.map(r => [r.region, r]),
        );
        expect(byRegion['us-east'].outcome).toBe('updated');
        expect(byRegion['eu-west'].outcome).toBe('created');
        expect(byRegion['tr-central']).toMatchObject({
          outcome: 'failed',
          error: { name: 'ServiceUnavailableError' },
        });
        await target.clearFaults();

        for (const region of ['us-east', 'eu-west']) {
          const hpa = await clusterAutoscaler(region);
          expect(hpa.metadata.labels?.[LABEL_MANAGED_BY]).toBe(
            MANAGED_BY_SCALING,
          );
          expect(hpa.spec).toMatchObject({ minReplicas: 2, maxReplicas: 20 });
        }
        // The HPA controller takes the new HPA up: it reads the pods' CPU through
        // metrics.k8s.io and sizes the Deployment within the policy's bounds.
        const acted = await target.waitUntil(
          'the HPA controller acting on the new HPA',
          () => clusterAutoscaler('eu-west'),
          hpa =>
            hpa.status?.desiredReplicas !== undefined &&
            (hpa.status.currentMetrics?.length ?? 0) > 0 &&
            !!hpa.status.conditions?.some(
              c => c.type === 'ScalingActive' && c.status === 'True',
            ),
          { seconds: 60 },
        );
        expect(acted.status?.currentReplicas).toBeGreaterThanOrEqual(2);
        expect(acted.status?.desiredReplicas).toBeGreaterThanOrEqual(2);
        expect(
          acted.status?.currentMetrics?.[0].resource?.current
            .averageUtilization,
        ).toBeGreaterThan(0);

        expect((await history(OWNED)).events).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              source: 'suite',
              action: 'policy.apply',
              region: 'eu-west',
              outcome: 'succeeded',
            }),
          ]),
        );
      });

      describeSandboxOnly(
        'a real cluster would take the five-minute scale-down window in wall time',
        'past the scale-down stabilization window',
        () => {
          it('shows the HPA controller’s rescale in the history, newest first', async () => {
            target.sandbox!.advance(400_000);
            const { events } = await history(OWNED);
            expect(events).toEqual(
              expect.arrayContaining([
                expect.objectContaining({
                  source: 'cluster',
                  action: 'SuccessfulRescale',
                  region: 'eu-west',
                  workload: workloadRef,
                }),
              ]),
            );
            const times = events.map(e => e.time);
            expect([...times].sort().reverse()).toEqual(times);
          });
        },
      );

      it('changes an HPA’s bounds with a merge patch', async () => {
        const response = await post(OWNED, 'autoscaler-bounds', {
          cluster: clusterName('us-east'),
          workload: workloadRef,
          minReplicas: 3,
          maxReplicas: 12,
        });
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({
          hpa: OWNED,
          before: { min: 2, max: 20 },
          after: { min: 3, max: 12 },
        });
        expect((await clusterAutoscaler('us-east')).spec).toMatchObject({
          minReplicas: 3,
          maxReplicas: 12,
        });
      });
    });

    describe('permissions', () => {
      it('refuses a non-owner with 403 and audits the denial', async () => {
        const before = desiredState(
          await clusterAutoscaler('us-east', NOT_OWNED),
        );
        const response = await post(NOT_OWNED, 'policy', {
          regions: ['us-east'],
          policy: CPU_POLICY,
        });
        expect(response.status).toBe(403);
        expect(response.body.error.message).toContain('scaling.policy.update');
        expect(
          desiredState(await clusterAutoscaler('us-east', NOT_OWNED)),
        ).toEqual(before);
        expect((await history(NOT_OWNED)).events).toEqual([
          expect.objectContaining({
            source: 'suite',
            action: 'policy.apply',
            outcome: 'denied',
            actor: 'user:default/mock',
          }),
        ]);
        expect(auditorEvent.fail).toHaveBeenCalledWith(
          expect.objectContaining({
            error: expect.objectContaining({ name: 'NotAllowedError' }),
          }),
        );
      });

      it('needs the zero permission to scale to zero', async () => {
        const loaded = await loadedWorkload('eu-west');
        const response = await post(OWNED, 'autoscaler-bounds', {
          cluster: clusterName('eu-west'),
          workload: workloadRef,
          minReplicas: 0,
          maxReplicas: 5,
        });
        expect(response.body.error?.message).toContain('scaling.replicas.zero');
        expect(response.status).toBe(403);
        expect((await loadedWorkload('eu-west')).autoscaler).toEqual(
          loaded.autoscaler,
        );
      });

      it('answers 401 without credentials', async () => {
        const response = await request(server)
          .post(`${entityPath(OWNED)}/scale`)
          .send({
            cluster: clusterName('us-east'),
            workload: workloadRef,
            replicas: 3,
            resourceVersion: '1',
          });
        expect(response.status).toBe(401);
      });
    });

    describe('bad input gets a 400 that names the field, and changes nothing', () => {
      const scale = (overrides: Record<string, unknown>) => ({
        cluster: clusterName('us-east'),
        workload: workloadRef,
        replicas: 3,
        resourceVersion: '1',
        ...overrides,
      });
      const policy = (overrides: Record<string, unknown>) => ({
        regions: ['us-east'],
        policy: { ...CPU_POLICY, ...overrides },
      });
      const metricTarget = (overrides: Record<string, unknown>) =>
        policy({ targets: [{ ...CPU_POLICY.targets[0], ...overrides }] });

      it.each([
        [
          'negative replicas',
          OWNED,
          'scale',
          scale({ replicas: -1 }),
          'replicas',
        ],
        [
          'fractional replicas',
          OWNED,
          'scale',
          scale({ replicas: 2.5 }),
          'replicas',
        ],
        [
          'string replicas',
          OWNED,
          'scale',
          scale({ replicas: '3' }),
          'replicas',
        ],
        [
          'replicas over the guard-rail',
          OWNED,
          'scale',
          scale({ replicas: 21 }),
          'replicas must be at most 20 for standard services',
        ],
        [
          'an unknown cluster',
          OWNED,
          'scale',
          scale({ cluster: 'meschain-mars' }),
          'cluster',
        ],
        [
          'an unknown region',
          OWNED,
          'policy',
          { ...policy({}), regions: ['mars'] },
          'regions: mars is not a region',
        ],
        ['a malformed entity ref', 'bad%20name!', 'scale', scale({}), 'name'],
        [
          'an unknown metric',
          OWNED,
          'policy',
          metricTarget({ kind: 'gpu' }),
          'policy.targets[0]',
        ],
        [
          'min greater than max',
          OWNED,
          'policy',
          policy({ minReplicas: 9, maxReplicas: 4 }),
          'minReplicas',
        ],
        [
          'min greater than max (bounds)',
          OWNED,
          'autoscaler-bounds',
          {
            cluster: clusterName('us-east'),
            workload: workloadRef,
            minReplicas: 9,
            maxReplicas: 4,
          },
          'minReplicas',
        ],
        [
          'a target of 0 %',
          OWNED,
          'policy',
          metricTarget({ averageUtilization: 0 }),
          'policy.targets[0].averageUtilization',
        ],
        [
          'a target over 1000 %',
          OWNED,
          'policy',
          metricTarget({ averageUtilization: 1001 }),
          'policy.targets[0].averageUtilization',
        ],
        [
          'an oversized body',
          OWNED,
          'policy',
          { ...policy({}), padding: 'x'.repeat(70_000) },
          'too large',
        ],
      ])('%s', async (_case, entity, route, body, named) => {
        const before = desiredState(await clusterDeployment('us-east'));
        const hpaBefore = desiredState(await clusterAutoscaler('us-east'));
        const response = await post(entity, route, body);
        expect(response.status).toBe(400);
        expect(response.body.error.name).toBe('InputError');
        expect(response.body.error.message).toContain(named);
        expect(desiredState(await clusterDeployment('us-east'))).toEqual(
          before,
        );
        expect(desiredState(await clusterAutoscaler('us-east'))).toEqual(
          hpaBefore,
        );
      });

      it('places each policy problem on its field', async () => {
        const response = await post(
          OWNED,
          'policy',
          policy({ minReplicas: 9, maxReplicas: 4 }),
        );
        expect(response.status).toBe(400);
        expect(response.body.problems).toEqual([
          expect.objectContaining({
            field: expect.stringMatching(/Replicas$/),
          }),
        ]);
      });
    });
  },
);
