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
  EntityRolloutState,
  RolloutActionRequest,
  ScalingHistory,
  scalingRolloutManagePermission,
  WorkloadRolloutState,
} from '@meschain/backstage-plugin-scaling-common';
import request from 'supertest';
import {
  auditDatabaseIds,
  CLUSTER_TARGET,
  ClusterTarget,
  startClusterTarget,
} from './__testUtils__/clusterTarget';
import { loadUpstreamAuthStrategies } from './__testUtils__/upstreamAuthStrategies';
import { scalingPlugin } from './plugin';
import { clusterEntity, serviceEntity } from './__testUtils__/serviceEntity';

jest.setTimeout(CLUSTER_TARGET === 'sandbox' ? 120_000 : 300_000);

const NAMESPACE = 'meschain-sync';
const REGION = 'eu-west';
/** Down during the partial-result test. */
const OTHER_REGION = 'tr-central';
const CLUSTER = `meschain-${REGION}`;
/** A canary of the caller's team. */
const CANARY = 'monitoring-service';
/** A blue-green rollout; the test's permission policy lets the caller manage it. */
const BLUE_GREEN = 'user-service';
/** A Deployment of the caller's team. */
const DEPLOYMENT = 'logging-service';
/** An A/B rollout routing by header; managed by the caller too. */
const AB = 'product-service';
/** Another team's canary: every action is refused. */
const NOT_OWNED = 'order-service';
const OWNED = [CANARY, BLUE_GREEN, DEPLOYMENT, AB];

type ClusterRollout = {
  metadata: { resourceVersion: string; generation: number };
  spec: {
    replicas: number;
    paused?: boolean;
    restartAt?: string;
    template: { spec: { containers: Array<{ name: string; image: string }> } };
  };
  status: {
    abort?: boolean;
    phase?: string;
    currentStepIndex?: number;
    pauseConditions?: Array<{ reason: string }>;
    currentPodHash?: string;
    stableRS?: string;
    replicas?: number;
    availableReplicas?: number;
    updatedReplicas?: number;
    observedGeneration?: number | string;
    blueGreen?: { activeSelector?: string };
  };
};
type ClusterReplicaSet = {
  metadata: { name: string; labels: Record<string, string> };
  spec: {
    replicas: number;
    template: { spec: { containers: Array<{ image: string }> } };
  };
  status: { availableReplicas?: number };
};
type ClusterService = { spec: { selector: Record<string, string> } };

function service(name: string, owner: string): Entity {
  return serviceEntity(name, { owner, regions: [REGION, OTHER_REGION] });
}

const databases = TestDatabases.create();

describe.each(auditDatabaseIds(databases))(
  `rollouts, driven against the ${CLUSTER_TARGET} and audited in %p`,
  databaseId => {
    let target: ClusterTarget;
    let server: Awaited<ReturnType<typeof startTestBackend>>['server'];

    beforeAll(async () => {
      target = await startClusterTarget({ regions: [REGION, OTHER_REGION] });
      await loadUpstreamAuthStrategies();
      const permissions = mockServices.permissions.mock({
        authorize: async requests =>
          requests.map(item => ({
            result:
              'resourceRef' in item &&
              item.permission.name === scalingRolloutManagePermission.name &&
              OWNED.map(name => `component:default/${name}`).includes(
                item.resourceRef ?? '',
              )
                ? AuthorizeResult.ALLOW
                : AuthorizeResult.DENY,
          })),
      });
      ({ server } = await startTestBackend({
        features: [
          scalingPlugin,
          mockServices.rootConfig.factory({
            data: {
              kubernetes: target.kubernetesConfig([REGION, OTHER_REGION]),
              scaling: { clusterTimeoutMs: target.clusterTimeoutMs },
            },
          }),
          mockServices.httpAuth.factory({
            defaultCredentials: mockCredentials.none(),
          }),
          permissions.factory,
          mockServices.database.factory({
            knex: await databases.init(databaseId),
            migrations: { skip: false },
          }),
          catalogServiceMock.factory({
            entities: [
              ...OWNED.map(name => service(name, 'platform-team')),
              service(NOT_OWNED, 'commerce-team'),
              clusterEntity(REGION),
              clusterEntity(OTHER_REGION),
            ],
          }),
        ],
      }));
    });

    afterAll(() => target?.close());
    afterEach(() => target.clearFaults());

    const entityPath = (name: string) =>
      `/api/scaling/entities/component/default/${name}`;
    const kindOf = (name: string) =>
      name === DEPLOYMENT ? 'Deployment' : 'Rollout';

    function act(
      name: string,
      action: RolloutActionRequest['action'],
      extra: Partial<RolloutActionRequest> = {},
    ) {
      return request(server)
        .post(`${entityPath(name)}/rollouts/actions`)
        .set('Authorization', mockCredentials.user.header())
        .send({
          cluster: CLUSTER,
          workload: { kind: kindOf(name), namespace: NAMESPACE, name },
          action,
          ...extra,
        });
    }

    async function tab(name: string): Promise<EntityRolloutState> {
      const response = await request(server)
        .get(`${entityPath(name)}/rollouts`)
        .set('Authorization', mockCredentials.user.header());
      expect(response.status).toBe(200);
      return response.body;
    }

    async function shown(name: string): Promise<WorkloadRolloutState> {
      const state = await tab(name);
      return state.clusters.find(c => c.region === REGION)!.workloads![0];
    }

    async function history(name: string): Promise<ScalingHistory> {
      const response = await request(server)
        .get(`${entityPath(name)}/history?limit=100`)
        .set('Authorization', mockCredentials.user.header());
      return response.body;
    }

    const rolloutPath = (name: string) =>
      `/apis/argoproj.io/v1alpha1/namespaces/${NAMESPACE}/rollouts/${name}`;
    const clusterRollout = (name: string) =>
      target.read<ClusterRollout>(REGION, rolloutPath(name));
    const clusterDeployment = (name: string) =>
      target.read<ClusterRollout>(
        REGION,
        `/apis/apps/v1/namespaces/${NAMESPACE}/deployments/${name}`,
      );
    /** The images of the ReplicaSets that run pods, with their available counts. */
    async function runningImages(name: string) {
      const { items } = await target.read<{ items: ClusterReplicaSet[] }>(
        REGION,
        `/apis/apps/v1/namespaces/${NAMESPACE}/replicasets?labelSelector=backstage.io%2Fkubernetes-id%3D${name}`,
      );
      return Object.fromEntries(
        items
          .filter(rs => rs.spec.replicas > 0)
          .map(rs => [
            rs.spec.template.spec.containers[0].image,
            rs.status.availableReplicas ?? 0,
          ]),
      );
    }
    /**
     * Lets the cluster's controllers (and kubelets) act until the workload and the images its
     * ReplicaSets run satisfy `done`: simulated time on the sandbox, wall time on a real cluster.
     */
    function waitForWorkload(
      what: string,
      read: (name: string) => Promise<ClusterRollout>,
      name: string,
      done: (
        workload: ClusterRollout,
        images: Record<string, number>,
      ) => boolean,
      seconds?: number,
    ) {
      return target.waitUntil(
        what,
        async () => ({
          workload: await read(name),
          images: await runningImages(name),
        }),
        ({ workload, images }) => done(workload, images),
        { seconds },
      );
    }
    const waitForRollout = (
      what: string,
      name: string,
      done: (
        rollout: ClusterRollout,
        images: Record<string, number>,
      ) => boolean,
      seconds?: number,
    ) => waitForWorkload(what, clusterRollout, name, done, seconds);
    /** What an action writes: the spec (counted by its generation), and the abort flag in the status. */
    const actionState = (rollout: ClusterRollout) => ({
      generation: rollout.metadata.generation,
      abort: rollout.status.abort ?? false,
    });
    /** Every replica of the rollout available, and only on `image`. */
    const runsOnly = (
      image: string,
      rollout: ClusterRollout,
      images: Record<string, number>,
    ) =>
      Object.keys(images).length === 1 &&
      images[image] === rollout.spec.replicas;

    it('shows a stable canary with its steps, images and the actions that apply, and names a failed region', async () => {
      await target.fault(OTHER_REGION, { mode: 'down' });
      const state = await tab(CANARY);
      const failed = state.clusters.find(c => c.region === OTHER_REGION)!;
      expect(failed.workloads).toBeUndefined();
      expect(failed.error!.message).toContain(OTHER_REGION);

      const canary = await shown(CANARY);
      expect(canary).toMatchObject({
        kind: 'Rollout',
        strategy: 'canary',
        phase: 'Healthy',
        paused: false,
        aborted: false,
        stableImages: [
          { container: CANARY, image: 'meschain/monitoring-service:1.3.4' },
        ],
        availableActions: ['restart', 'set-image'],
      });
      expect(
        canary.canary!.steps.map(s => [s.kind, s.weight ?? s.pauseSeconds]),
      ).toEqual([
        ['setWeight', 20],
        ['pause', undefined],
        ['setWeight', 50],
        ['pause', 60],
        ['setWeight', 80],
        ['pause', 60],
      ]);
      expect(canary.canary!.setWeight).toBe(100);
      expect(canary.revisions).toHaveLength(1);
    });

    it('takes a canary through its weights and pauses with promote, each step read back from the cluster', async () => {
      const started = await act(CANARY, 'set-image', {
        image: {
          container: CANARY,
          image: 'meschain/monitoring-service:1.4.0',
        },
      });
      expect(started.status).toBe(200);
      expect(started.body.after.images).toEqual([
        { container: CANARY, image: 'meschain/monitoring-service:1.4.0' },
      ]);

      // Step 1: 20 % of the traffic, paused until promoted.
      let { workload: live } = await waitForRollout(
        'the canary paused at step 1 with its canary pod available',
        CANARY,
        (r, images) =>
          r.status.currentStepIndex === 1 &&
          (r.status.pauseConditions?.length ?? 0) > 0 &&
          (images['meschain/monitoring-service:1.4.0'] ?? 0) > 0,
      );
      expect(live.status.pauseConditions).toEqual([
        expect.objectContaining({ reason: 'CanaryPauseStep' }),
      ]);
      let view = await shown(CANARY);
      expect(view).toMatchObject({
        phase: 'Paused',
        paused: true,
        canaryImages: [
          { container: CANARY, image: 'meschain/monitoring-service:1.4.0' },
        ],
        stableImages: [
          { container: CANARY, image: 'meschain/monitoring-service:1.3.4' },
        ],
      });
      expect(view.canary).toMatchObject({ currentStepIndex: 1, setWeight: 20 });
      expect(view.canary!.actualWeight).toBeGreaterThan(0);
      expect(view.canary!.steps[1].state).toBe('current');
      expect(view.availableActions).toEqual(
        expect.arrayContaining(['promote', 'promote-full', 'abort']),
      );
      expect(await runningImages(CANARY)).toMatchObject({
        'meschain/monitoring-service:1.4.0': expect.any(Number),
        'meschain/monitoring-service:1.3.4': expect.any(Number),
      });

      // Step 3: 50 %, a 60 s pause the tab counts down; promote skips it.
      expect((await act(CANARY, 'promote')).status).toBe(200);
      await waitForRollout(
        'the canary in its 60 s pause at step 3',
        CANARY,
        r =>
          r.status.currentStepIndex === 3 &&
          (r.status.pauseConditions?.length ?? 0) > 0,
      );
      view = await shown(CANARY);
      expect(view.canary!.setWeight).toBe(50);
      const pause = view.pauseConditions[0];
      expect(Date.parse(pause.endsAt!) - Date.parse(pause.startTime)).toBe(
        60_000,
      );

      expect((await act(CANARY, 'promote')).status).toBe(200);
      await waitForRollout(
        'the canary in its pause at step 5',
        CANARY,
        r => r.status.currentStepIndex === 5,
      );
      expect((await shown(CANARY)).canary!.setWeight).toBe(80);

      expect((await act(CANARY, 'promote')).status).toBe(200);
      ({ workload: live } = await waitForRollout(
        'the canary promoted to stable, the old pods gone',
        CANARY,
        (r, images) =>
          r.status.currentStepIndex === 6 &&
          r.status.stableRS === r.status.currentPodHash &&
          runsOnly('meschain/monitoring-service:1.4.0', r, images),
      ));
      expect(live.status.stableRS).toBe(live.status.currentPodHash);
      view = await shown(CANARY);
      expect(view).toMatchObject({ phase: 'Healthy', currentRevision: 2 });
      expect(view.revisions.map(r => [r.revision, r.images[0].image])).toEqual([
        [2, 'meschain/monitoring-service:1.4.0'],
        [1, 'meschain/monitoring-service:1.3.4'],
      ]);

      const audited = (await history(CANARY)).events.filter(
        e => e.source === 'suite',
      );
      expect(audited.map(e => [e.action, e.outcome])).toEqual([
        ['rollout.promote', 'succeeded'],
        ['rollout.promote', 'succeeded'],
        ['rollout.promote', 'succeeded'],
        ['rollout.set-image', 'succeeded'],
      ]);
    });

    it('aborts back to stable, retries from the first step and finishes with promote-full', async () => {
      await act(CANARY, 'set-image', {
        image: {
          container: CANARY,
          image: 'meschain/monitoring-service:1.5.0',
        },
      });
      await waitForRollout(
        'the canary paused at step 1',
        CANARY,
        (r, images) =>
          r.status.currentStepIndex === 1 &&
          (r.status.pauseConditions?.length ?? 0) > 0 &&
          (images['meschain/monitoring-service:1.5.0'] ?? 0) > 0,
      );

      expect((await act(CANARY, 'abort')).status).toBe(200);
      let { workload: live } = await waitForRollout(
        'the canary aborted back to its stable pods',
        CANARY,
        // The real controller reports Degraded in a later reconcile than the abort.
        (r, images) =>
          r.status.abort === true &&
          r.status.phase === 'Degraded' &&
          runsOnly('meschain/monitoring-service:1.4.0', r, images),
      );
      expect(live.status.abort).toBe(true);
      let view = await shown(CANARY);
      expect(view).toMatchObject({ aborted: true, phase: 'Degraded' });
      expect(view.canary!.setWeight).toBe(0);
      expect(view.availableActions).toEqual(
        expect.arrayContaining(['retry', 'promote-full']),
      );
      expect(view.availableActions).not.toContain('abort');

      expect((await act(CANARY, 'retry')).status).toBe(200);
      ({ workload: live } = await waitForRollout(
        'the canary retried, paused at step 1 again',
        CANARY,
        (r, images) =>
          !r.status.abort &&
          r.status.currentStepIndex === 1 &&
          (r.status.pauseConditions?.length ?? 0) > 0 &&
          (images['meschain/monitoring-service:1.5.0'] ?? 0) > 0,
      ));
      expect(live.status.abort).toBeFalsy();
      expect(Object.keys(await runningImages(CANARY)).sort()).toEqual([
        'meschain/monitoring-service:1.4.0',
        'meschain/monitoring-service:1.5.0',
      ]);

      expect((await act(CANARY, 'promote-full')).status).toBe(200);
      ({ workload: live } = await waitForRollout(
        'the canary promoted fully, the old pods gone',
        CANARY,
        (r, images) =>
          r.status.stableRS === r.status.currentPodHash &&
          runsOnly('meschain/monitoring-service:1.5.0', r, images),
      ));
      expect(live.status.stableRS).toBe(live.status.currentPodHash);
      view = await shown(CANARY);
      expect(view).toMatchObject({ phase: 'Healthy', aborted: false });
    });

    it('refuses actions that do not apply now with 409 and why, and leaves the rollout unchanged', async () => {
      const before = await clusterRollout(CANARY);
      const refusals = await Promise.all([
        act(CANARY, 'promote'),
        act(CANARY, 'retry'),
        act(CANARY, 'abort'),
        act(CANARY, 'promote-full'),
      ]);
      expect(refusals.map(r => [r.status, r.body.error.message])).toEqual([
        [409, expect.stringMatching(/is not paused/)],
        [409, expect.stringMatching(/was not aborted/)],
        [409, expect.stringMatching(/is not updating/)],
        [409, expect.stringMatching(/already runs its stable revision/)],
      ]);
      const unknownRevision = await act(CANARY, 'undo', { revision: 99 });
      expect(unknownRevision.status).toBe(404);
      expect(unknownRevision.body.error.message).toMatch(/no revision 99/);
      const wrongKind = await act(CANARY, 'pause');
      expect(wrongKind.status).toBe(400);
      expect(wrongKind.body.error.message).toMatch(/action: pause/);
      const badBody = await request(server)
        .post(`${entityPath(CANARY)}/rollouts/actions`)
        .set('Authorization', mockCredentials.user.header())
        .send({ cluster: CLUSTER, action: 'launch' });
      expect(badBody.status).toBe(400);

      expect(actionState(await clusterRollout(CANARY))).toEqual(
        actionState(before),
      );
      const failed = (await history(CANARY)).events.filter(
        e => e.outcome === 'failed',
      );
      expect(failed.map(e => e.action)).toEqual(
        expect.arrayContaining(['rollout.promote', 'rollout.undo']),
      );
    });

    it('refuses a user who does not own the service, audits it, and changes nothing', async () => {
      const before = await clusterRollout(NOT_OWNED);
      const response = await act(NOT_OWNED, 'restart');
      expect(response.status).toBe(403);
      expect(response.body.error.message).toMatch(/scaling\.rollout\.manage/);
      expect(actionState(await clusterRollout(NOT_OWNED))).toEqual(
        actionState(before),
      );
      expect((await history(NOT_OWNED)).events[0]).toMatchObject({
        action: 'rollout.restart',
        outcome: 'denied',
      });
    });

    it('undoes a Rollout to an earlier revision, restoring its image without walking the steps again', async () => {
      const undone = await act(CANARY, 'undo', { revision: 1 });
      expect(undone.status).toBe(200);
      expect(undone.body.after.images).toEqual([
        { container: CANARY, image: 'meschain/monitoring-service:1.3.4' },
      ]);
      // Revision 1 is within the fleet's rollbackWindow, so the controller skips the steps.
      const { workload: live } = await waitForRollout(
        'the rollout back on revision 1’s image',
        CANARY,
        (r, images) =>
          r.status.stableRS === r.status.currentPodHash &&
          runsOnly('meschain/monitoring-service:1.3.4', r, images),
      );
      expect(live.status.pauseConditions).toBeUndefined();
      const view = await shown(CANARY);
      expect(view).toMatchObject({ phase: 'Healthy', currentRevision: 4 });
      expect(view.revisions[0]).toMatchObject({
        revision: 4,
        current: true,
        stable: true,
        images: [
          { container: CANARY, image: 'meschain/monitoring-service:1.3.4' },
        ],
      });
    });

    it('restarts a Rollout through spec.restartAt, replacing its pods', async () => {
      const response = await act(CANARY, 'restart');
      expect(response.status).toBe(200);
      const live = await clusterRollout(CANARY);
      expect(live.spec.restartAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    });

    it('promotes a blue-green rollout: the active service switches, the old ReplicaSet scales down after its delay', async () => {
      const activeHash = async () =>
        (
          await target.read<ClusterService>(
            REGION,
            `/api/v1/namespaces/${NAMESPACE}/services/${BLUE_GREEN}`,
          )
        ).spec.selector['rollouts-pod-template-hash'];
      const oldHash = await activeHash();

      await act(BLUE_GREEN, 'set-image', {
        image: { container: BLUE_GREEN, image: 'meschain/user-service:2.5.0' },
      });
      await waitForRollout(
        'the new revision running behind the preview service, paused',
        BLUE_GREEN,
        (r, images) =>
          (r.status.pauseConditions?.length ?? 0) > 0 &&
          images['meschain/user-service:2.5.0'] === r.spec.replicas,
      );
      let view = await shown(BLUE_GREEN);
      expect(view).toMatchObject({ strategy: 'blue-green', paused: true });
      expect(view.blueGreen!.active.images[0].image).toBe(
        'meschain/user-service:2.4.1',
      );
      expect(view.blueGreen!.preview!.images[0].image).toBe(
        'meschain/user-service:2.5.0',
      );
      expect(view.availableActions).toContain('promote');

      expect((await act(BLUE_GREEN, 'promote')).status).toBe(200);
      const newHash = await target.waitUntil(
        'the active service switched to the new pods',
        activeHash,
        hash => hash !== oldHash,
        { seconds: 10 },
      );
      expect(newHash).not.toBe(oldHash);
      view = await target.waitUntil(
        'the tab showing the old ReplicaSet’s scale-down deadline',
        () => shown(BLUE_GREEN),
        shownView => shownView.blueGreen?.scaleDownDeadline !== undefined,
        { seconds: 10 },
      );
      expect(view.blueGreen!.active.images[0].image).toBe(
        'meschain/user-service:2.5.0',
      );
      expect(Object.keys(await runningImages(BLUE_GREEN)).sort()).toEqual([
        'meschain/user-service:2.4.1',
        'meschain/user-service:2.5.0',
      ]);

      await waitForRollout(
        'the old ReplicaSet scaled down after its delay',
        BLUE_GREEN,
        (_r, images) =>
          Object.keys(images).join() === 'meschain/user-service:2.5.0',
        view.blueGreen!.scaleDownDelaySeconds + 5,
      );
    });

    it('shows the header route an A/B rollout sends to its canary while it is held', async () => {
      await act(AB, 'set-image', {
        image: { container: AB, image: 'meschain/product-service:3.2.0' },
      });
      await waitForRollout(
        'the A/B rollout held at its pause, after its header route',
        AB,
        r =>
          r.status.currentStepIndex === 2 &&
          (r.status.pauseConditions?.length ?? 0) > 0,
      );
      const view = await shown(AB);
      expect(view).toMatchObject({ strategy: 'ab', paused: true });
      expect(view.canary!.steps.map(s => s.state)).toEqual([
        'completed',
        'completed',
        'current',
        'pending',
        'pending',
      ]);
      expect(view.canary!.headerRoutes).toEqual([
        {
          name: 'beta-testers',
          match: [
            {
              headerName: 'X-MesChain-Variant',
              headerValue: { exact: 'beta' },
            },
          ],
        },
      ]);
      expect((await act(AB, 'abort')).status).toBe(200);
      const aborted = await target.waitUntil(
        'the header route removed once aborted',
        () => shown(AB),
        shownView => shownView.canary?.headerRoutes?.length === 0,
        { seconds: 10 },
      );
      expect(aborted.canary!.headerRoutes).toEqual([]);
    });

    it('pauses, resumes, restarts and rolls back a Deployment to an earlier revision', async () => {
      const rolledOut = (image: string) =>
        waitForWorkload(
          `the Deployment rolled out to ${image}`,
          clusterDeployment,
          DEPLOYMENT,
          (d, images) =>
            d.status.observedGeneration === d.metadata.generation &&
            d.status.updatedReplicas === d.spec.replicas &&
            d.status.availableReplicas === d.spec.replicas &&
            // The old pods gone too, not only scaled down: what `kubectl rollout status` waits for.
            d.status.replicas === d.spec.replicas &&
            runsOnly(image, d, images),
        );
      expect(
        (
          await act(DEPLOYMENT, 'set-image', {
            image: {
              container: DEPLOYMENT,
              image: 'meschain/logging-service:1.7.0',
            },
          })
        ).status,
      ).toBe(200);
      await rolledOut('meschain/logging-service:1.7.0');
      let view = await shown(DEPLOYMENT);
      expect(view).toMatchObject({
        strategy: 'rolling',
        phase: 'Healthy',
        currentRevision: 2,
      });
      expect(view.deployment).toMatchObject({
        strategyType: 'RollingUpdate',
        paused: false,
      });
      expect(view.deployment!.updated).toBe(view.deployment!.desired);

      expect((await act(DEPLOYMENT, 'pause')).status).toBe(200);
      expect((await clusterDeployment(DEPLOYMENT)).spec.paused).toBe(true);
      const refused = await act(DEPLOYMENT, 'undo', { revision: 1 });
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toMatch(/is paused; resume it/);
      expect((await act(DEPLOYMENT, 'pause')).status).toBe(409);
      expect((await act(DEPLOYMENT, 'resume')).status).toBe(200);

      const undone = await act(DEPLOYMENT, 'undo', { revision: 1 });
      expect(undone.status).toBe(200);
      const { workload: live } = await rolledOut(
        'meschain/logging-service:1.6.0',
      );
      expect(live.spec.template.spec.containers[0].image).toBe(
        'meschain/logging-service:1.6.0',
      );
      view = await shown(DEPLOYMENT);
      expect(view).toMatchObject({ phase: 'Healthy', currentRevision: 3 });
      expect((await act(DEPLOYMENT, 'undo', { revision: 3 })).status).toBe(409);

      // The restart stamps the template to the second, as `kubectl rollout restart` does.
      const restartFrom = Math.floor(Date.now() / 1000) * 1000;
      expect((await act(DEPLOYMENT, 'restart')).status).toBe(200);
      const restartUntil = Date.now();
      const restarted = await target.read<{
        spec: {
          template: { metadata: { annotations: Record<string, string> } };
        };
      }>(
        REGION,
        `/apis/apps/v1/namespaces/${NAMESPACE}/deployments/${DEPLOYMENT}`,
      );
      const restartedAt =
        restarted.spec.template.metadata.annotations[
          'kubectl.kubernetes.io/restartedAt'
        ];
      expect(restartedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(Date.parse(restartedAt)).toBeGreaterThanOrEqual(restartFrom);
      expect(Date.parse(restartedAt)).toBeLessThanOrEqual(restartUntil);
    });
  },
);
