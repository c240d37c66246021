import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ScalingHistory,
  scalingAdminPermission,
  scalingReplicasZeroPermission,
} from '@meschain/backstage-plugin-scaling-common';
import { Sandbox } from '@meschain/kube-sandbox';
import request from 'supertest';
import {
  readFromSandbox,
  sandboxKubernetesConfig,
  startFrozenSandbox,
} from './__testUtils__/kubeSandbox';
import { loadUpstreamAuthStrategies } from './__testUtils__/upstreamAuthStrategies';
import { clusterEntity, serviceEntity } from './__testUtils__/serviceEntity';
import { scalingPlugin } from './plugin';

jest.setTimeout(60_000);

const REGIONS = ['us-east', 'eu-west'];
const PLATFORM_TEAM = 'group:default/platform-team';
/** A member of platform-team, which the permission policy makes an admin group. */
const ADMIN = 'user:default/guest';
/** A member of platform-team too, but not of an admin group. */
const ENGINEER = 'user:default/ada';
/** Owned by platform-team. */
const OWNED = 'logging-service';
/** Owned by data-team: only an admin may act on it. */
const NOT_OWNED = 'analytics-service';
const CPU_POLICY = {
  minReplicas: 3,
  maxReplicas: 12,
  targets: [{ kind: 'cpu', averageUtilization: 70, scaleDownBelow: 30 }],
};

type SandboxAutoscaler = {
  spec: { minReplicas?: number; maxReplicas: number };
};

const databases = TestDatabases.create();

// The permission service answers as the portal's policy does with
// `permission.scaling.adminGroups: [group:default/platform-team]` and the
// admin alone in an admin group: owners may write, the admin may write
// anywhere (except to zero) and holds scaling.admin.
describe.each(databases.eachSupportedId())(
  'an admin group’s writes to services it does not own, audited in %p',
  databaseId => {
    let sandbox: Sandbox;
    let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
    const auditor = mockServices.auditor.mock();
    const auditorEvent = { success: jest.fn(), fail: jest.fn() };

    beforeAll(async () => {
      sandbox = await startFrozenSandbox();
      await loadUpstreamAuthStrategies();
      auditor.createEvent.mockResolvedValue(auditorEvent);
      const userOf = (credentials: unknown) =>
        (credentials as { principal: { userEntityRef: string } }).principal
          .userEntityRef;
      const permissions = mockServices.permissions.mock({
        authorize: async (requests, options) => {
          const admin = userOf(options?.credentials) === ADMIN;
          return requests.map(item => {
            if (item.permission.name === scalingAdminPermission.name) {
              return {
                result: admin ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
              };
            }
            const owned =
              'resourceRef' in item &&
              item.resourceRef === `component:default/${OWNED}`;
            const allowed =
              (owned || admin) &&
              item.permission.name !== scalingReplicasZeroPermission.name;
            return {
              result: allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
            };
          });
        },
      });
      const userInfo = mockServices.userInfo.mock({
        getUserInfo: async credentials => ({
          userEntityRef: userOf(credentials),
          ownershipEntityRefs: [userOf(credentials), PLATFORM_TEAM],
        }),
      });
      ({ server } = await startTestBackend({
        features: [
          scalingPlugin,
          mockServices.rootConfig.factory({
            data: {
              kubernetes: sandboxKubernetesConfig(sandbox, REGIONS),
              scaling: { clusterTimeoutMs: 1_500 },
            },
          }),
          permissions.factory,
          userInfo.factory,
          auditor.factory,
          mockServices.database.factory({
            knex: await databases.init(databaseId),
            migrations: { skip: false },
          }),
          catalogServiceMock.factory({
            entities: [
              serviceEntity(OWNED, {
                owner: 'platform-team',
                regions: REGIONS,
                tier: 'standard',
              }),
              serviceEntity(NOT_OWNED, {
                owner: 'data-team',
                regions: REGIONS,
                tier: 'standard',
              }),
              ...REGIONS.map(region => clusterEntity(region)),
            ],
          }),
        ],
      }));
    });

    afterAll(async () => {
      await sandbox.close();
    });

    const entityPath = (name: string) =>
      `/api/scaling/entities/component/default/${name}`;

    function applyPolicy(name: string, user: string, maxReplicas = 12) {
      return request(server)
        .post(`${entityPath(name)}/policy`)
        .set('Authorization', mockCredentials.user.header(user))
        .send({ regions: ['us-east'], policy: { ...CPU_POLICY, maxReplicas } });
    }

    async function history(name: string): Promise<ScalingHistory> {
      const response = await request(server)
        .get(`${entityPath(name)}/history?limit=100`)
        .set('Authorization', mockCredentials.user.header(ENGINEER));
      expect(response.status).toBe(200);
      return response.body;
    }

    const sandboxAutoscaler = (name: string) =>
      readFromSandbox<SandboxAutoscaler>(
        sandbox,
        'us-east',
        `/apis/autoscaling/v2/namespaces/meschain-sync/horizontalpodautoscalers/${name}`,
      );

    it('refuses a non-admin on a service it does not own', async () => {
      const response = await applyPolicy(NOT_OWNED, ENGINEER);
      expect(response.status).toBe(403);
      expect((await history(NOT_OWNED)).events).toEqual([
        expect.objectContaining({ actor: ENGINEER, outcome: 'denied' }),
      ]);
      expect((await history(NOT_OWNED)).events[0].asAdmin).toBeUndefined();
    });

    it('lets an admin change a service it does not own, and audits it as an admin action', async () => {
      const response = await applyPolicy(NOT_OWNED, ADMIN);
      expect(response.status).toBe(200);
      expect(response.body.results).toEqual([
        expect.objectContaining({
          region: 'us-east',
          outcome: expect.stringMatching(/^(created|updated)$/),
        }),
      ]);
      expect((await sandboxAutoscaler(NOT_OWNED)).spec).toMatchObject({
        minReplicas: 3,
        maxReplicas: 12,
      });

      const [latest] = (await history(NOT_OWNED)).events.filter(
        event => event.source === 'suite',
      );
      expect(latest).toMatchObject({
        action: 'policy.apply',
        actor: ADMIN,
        asAdmin: true,
        outcome: 'succeeded',
        region: 'us-east',
      });
      expect(auditor.createEvent).toHaveBeenCalledWith(
        expect.objectContaining({
          eventId: 'scaling-policy-apply',
          meta: expect.objectContaining({
            entityRef: `component:default/${NOT_OWNED}`,
            asAdmin: true,
          }),
        }),
      );
    });

    it('records an owner’s write, even an admin’s, as the owner’s', async () => {
      // Different bounds each time, so that each apply changes the HPA.
      expect((await applyPolicy(OWNED, ENGINEER, 14)).status).toBe(200);
      expect((await applyPolicy(OWNED, ADMIN, 16)).status).toBe(200);
      const events = (await history(OWNED)).events.filter(
        event => event.source === 'suite',
      );
      expect(events.map(e => [e.actor, e.asAdmin ?? false])).toEqual([
        [ADMIN, false],
        [ENGINEER, false],
      ]);
    });
  },
);
