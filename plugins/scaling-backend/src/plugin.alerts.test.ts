import {
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Notification } from '@backstage/plugin-notifications-common';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ActiveAlert,
  MaintenanceWindow,
  scalingAdminPermission,
  ScalingHistory,
} from '@meschain/backstage-plugin-scaling-common';
import {
  Monitoring,
  monitoringAvailable,
  Sandbox,
  startMonitoring,
  startTestSandbox,
} from '@meschain/kube-sandbox';
import { mkdtempSync, readdirSync, rmSync } from 'fs';
import { createServer } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import request from 'supertest';
import { sandboxKubernetesConfig } from './__testUtils__/kubeSandbox';
import { clusterEntity } from './__testUtils__/serviceEntity';
import { scalingPlugin } from './plugin';

const NAMESPACE = 'shop';
const REGION = 'eu-west';
const OWNER = 'user:default/ada';
const NON_OWNER = 'user:default/bob';

const WITH_MONITORING = monitoringAvailable() || Boolean(process.env.CI);

jest.setTimeout(180_000);

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'web',
      namespace: 'default',
      annotations: {
        'backstage.io/kubernetes-id': 'web',
        'backstage.io/kubernetes-namespace': NAMESPACE,
        'meschain.io/regions': REGION,
      },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'shop-team' },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/shop-team' }],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'shop',
      namespace: 'default',
      annotations: {
        'backstage.io/kubernetes-id': 'shop',
        'backstage.io/kubernetes-namespace': NAMESPACE,
        'meschain.io/regions': REGION,
      },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'shop-team' },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/shop-team' }],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'shop-team', namespace: 'default' },
    spec: { type: 'team', children: [] },
    relations: [{ type: 'hasMember', targetRef: OWNER }],
  },
  ...['ada', 'bob'].map(
    (name): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name, namespace: 'default' },
      spec: {},
      relations:
        name === 'ada'
          ? [{ type: 'memberOf', targetRef: 'group:default/shop-team' }]
          : [],
    }),
  ),
  clusterEntity(REGION),
];

const RULES = '/api/scaling/entities/component/default/web/alerts/rules';
const WINDOWS =
  '/api/scaling/entities/component/default/web/maintenance-windows';
const RULE_FILE = 'component-default-web.yml';

function callerOf(credentials: BackstageCredentials) {
  const { principal } = credentials as BackstageCredentials<
    BackstageUserPrincipal | BackstageServicePrincipal
  >;
  return principal.type === 'user' ? principal.userEntityRef : undefined;
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        resolve(typeof address === 'object' && address ? address.port : 0),
      );
    });
  });
}

/** Polls until `read` gives something that satisfies `done`, or fails naming what it waited for. */
async function eventually<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!done(last)) {
    if (Date.now() > deadline) {
      throw new Error(
        `Waited ${timeoutMs} ms for ${what}; last saw ${JSON.stringify(last)}`,
      );
    }
    await sleep(500);
    last = await read();
  }
  return last;
}

(WITH_MONITORING ? describe : describe.skip)(
  'alert rules, notifications and maintenance windows, against a real Prometheus and Alertmanager',
  () => {
    let sandbox: Sandbox;
    let monitoring: Monitoring;
    let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
    let ruleDirectory: string;
    const scheduledTasks = new Map<string, () => Promise<void>>();
    // Tasks run when a test says so, e.g. the rule files' sync.
    const scheduler = mockServices.scheduler.mock({
      scheduleTask: async task => {
        scheduledTasks.set(task.id, async () =>
          task.fn(new AbortController().signal),
        );
      },
      createScheduledTaskRunner: schedule => ({
        run: task => scheduler.scheduleTask({ ...schedule, ...task }),
      }),
    });

    beforeAll(async () => {
      // Real time, so that Prometheus' clock and the sandbox's agree.
      sandbox = await startTestSandbox({ speed: 1, trafficStepMs: 200 });
      sandbox
        .loadModel(REGION)
        .holdRate({ service: 'web', start: 0, requestsPerSecond: 10 });
      ruleDirectory = mkdtempSync(join(tmpdir(), 'alert-rules-'));
      const [prometheusPort, alertmanagerPort] = [
        await freePort(),
        await freePort(),
      ];
      const prometheusUrl = `http://127.0.0.1:${prometheusPort}`;
      const alertmanagerUrl = `http://127.0.0.1:${alertmanagerPort}`;
      ({ server } = await startTestBackend({
        features: [
          scalingPlugin,
          import('@backstage/plugin-notifications-backend'),
          mockServices.rootConfig.factory({
            data: {
              app: { baseUrl: 'http://portal.test' },
              kubernetes: sandboxKubernetesConfig(sandbox, [REGION]),
              scaling: {
                metrics: { prometheus: { url: prometheusUrl } },
                alerts: {
                  ruleDirectory,
                  alertmanager: { url: alertmanagerUrl },
                },
              },
            },
          }),
          mockServices.database.factory(),
          scheduler.factory,
          catalogServiceMock.factory({ entities }),
          // The portal's policy, as far as these tests need it: the owner may change the
          // service's alerts; no one is an admin.
          mockServices.permissions.mock({
            authorize: async (requests, options) =>
              requests.map(({ permission }) => ({
                result:
                  permission.name !== scalingAdminPermission.name &&
                  callerOf(options.credentials) === OWNER
                    ? AuthorizeResult.ALLOW
                    : AuthorizeResult.DENY,
              })),
          }).factory,
        ],
      }));
      const address = server.address();
      const backendPort = typeof address === 'object' && address?.port;
      monitoring = await startMonitoring({
        scrapeUrls: [`${sandbox.clusterUrl(REGION, 'http')}/metrics`],
        prometheusPort,
        alertmanagerPort,
        ruleDirectory,
        webhook: {
          url: `http://127.0.0.1:${backendPort}/api/scaling/alerts/webhook`,
          // As the static external-access token of subject `alertmanager` authenticates.
          bearerToken: mockCredentials.service.token({
            onBehalfOf: mockCredentials.service('alertmanager'),
            targetPluginId: 'scaling',
          }),
        },
      });
    });

    afterAll(async () => {
      await monitoring?.stop();
      await sandbox?.close();
      rmSync(ruleDirectory, { recursive: true, force: true });
    });

    async function injectFault(errorRatio: number) {
      const response = await fetch(
        `${sandbox.httpUrl}/_sandbox/clusters/${REGION}/services/web/fault`,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${sandbox.adminToken}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ errorRatio }),
        },
      );
      expect(response.status).toBe(200);
    }

    /** The rule ids Prometheus has loaded from an entity's rule file. */
    async function loadedRuleIds(ruleFile = RULE_FILE): Promise<string[]> {
      const response = await fetch(
        `${monitoring.prometheusUrl}/api/v1/rules?type=alert`,
      );
      const body = (await response.json()) as {
        data: {
          groups: Array<{
            file: string;
            rules: Array<{ labels: Record<string, string> }>;
          }>;
        };
      };
      return body.data.groups
        .filter(group => group.file.endsWith(ruleFile))
        .flatMap(group => group.rules.map(rule => rule.labels.rule_id));
    }

    async function notificationsOf(user: string): Promise<Notification[]> {
      const response = await request(server)
        .get('/api/notifications/notifications')
        .set('authorization', mockCredentials.user.header(user));
      expect(response.status).toBe(200);
      return response.body.notifications;
    }

    async function activeAlerts(): Promise<ActiveAlert[]> {
      const response = await request(server)
        .get('/api/scaling/entities/component/default/web/alerts')
        .set('authorization', mockCredentials.user.header(OWNER));
      expect(response.status).toBe(200);
      return response.body.alerts;
    }

    function createRule(rule: object) {
      return request(server)
        .post(RULES)
        .set('authorization', mockCredentials.user.header(OWNER))
        .send(rule);
    }

    const highErrors = (name: string) => ({
      kind: 'threshold',
      name,
      severity: 'critical',
      region: REGION,
      for: '0s',
      threshold: {
        signal: 'errorRatio',
        comparison: 'above',
        value: 0.2,
        window: '1m',
      },
    });

    it('refuses a bad rule with a 400 naming the field, and writes and loads nothing', async () => {
      const response = await createRule({
        ...highErrors('HighErrorRatio'),
        threshold: { signal: 'errors', comparison: 'above', value: 0.2 },
      });
      expect(response.status).toBe(400);
      expect(response.body.problems).toEqual([
        {
          field: 'threshold.signal',
          message: expect.stringMatching(/^signal must be one of requestRate/),
        },
      ]);
      expect(response.body.error.message).toContain('threshold.signal');

      expect(readdirSync(ruleDirectory)).toEqual([]);
      expect(await loadedRuleIds()).toEqual([]);
      const rules = await request(server)
        .get(RULES)
        .set('authorization', mockCredentials.user.header(OWNER));
      expect(rules.body).toEqual({ rules: [] });
    });

    it('loads a rule created through the API; its alert reaches Alertmanager and notifies the owners only', async () => {
      await injectFault(0.5);
      const created = await createRule(highErrors('HighErrorRatio'));
      expect(created.status).toBe(201);
      const rule = created.body;
      expect(rule).toMatchObject({
        id: expect.any(String),
        entityRef: 'component:default/web',
        name: 'HighErrorRatio',
        updatedBy: OWNER,
      });
      // Loaded with the SLO's four burn-rate alerts, before the API answered.
      expect(await loadedRuleIds()).toEqual(
        expect.arrayContaining([
          rule.id,
          'slo-burn-1h-5m',
          'slo-burn-6h-30m',
          'slo-burn-1d-2h',
          'slo-burn-3d-6h',
        ]),
      );

      const alerts = await eventually(
        'the alert in Alertmanager',
        activeAlerts,
        list => list.some(alert => alert.ruleId === rule.id),
      );
      expect(alerts.find(alert => alert.ruleId === rule.id)).toMatchObject({
        alertname: 'HighErrorRatio',
        severity: 'critical',
        region: REGION,
        state: 'active',
      });

      const [notification] = await eventually(
        'the owner’s notification',
        async () =>
          (
            await notificationsOf(OWNER)
          ).filter(n => n.payload.metadata?.ruleId === rule.id),
        found => found.length > 0,
      );
      expect(notification.payload).toMatchObject({
        title: `Firing: HighErrorRatio on component:default/web in ${REGION}`,
        severity: 'critical',
        link: 'http://portal.test/catalog/default/component/web/health',
        topic: 'Alerts of component:default/web',
      });
      expect(await notificationsOf(NON_OWNER)).toEqual([]);
    });

    it('silences the service’s alerts in a maintenance window opened through the API', async () => {
      const startsAt = new Date();
      const opened = await request(server)
        .post(WINDOWS)
        .set('authorization', mockCredentials.user.header(OWNER))
        .send({
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
          comment: 'Database upgrade',
        });
      expect(opened.status).toBe(201);
      const window: MaintenanceWindow = opened.body;
      expect(window).toMatchObject({
        comment: 'Database upgrade',
        createdBy: OWNER,
        status: 'active',
      });

      // A new alert of the service fires inside the window: Alertmanager holds it, silenced,
      // and no one is notified.
      const created = await createRule(highErrors('ErrorsInMaintenance'));
      expect(created.status).toBe(201);
      const alerts = await eventually(
        'the new alert, silenced',
        activeAlerts,
        list => list.some(alert => alert.ruleId === created.body.id),
      );
      expect(
        alerts.find(alert => alert.ruleId === created.body.id),
      ).toMatchObject({ state: 'suppressed', silencedBy: [window.id] });
      // Longer than Alertmanager's group wait and interval (1 s each).
      await sleep(5_000);
      expect(
        (await notificationsOf(OWNER)).filter(
          n => n.payload.metadata?.ruleId === created.body.id,
        ),
      ).toEqual([]);

      const expired = await request(server)
        .delete(`${WINDOWS}/${window.id}`)
        .set('authorization', mockCredentials.user.header(OWNER));
      expect(expired.status).toBe(204);
      const windows = await request(server)
        .get(WINDOWS)
        .set('authorization', mockCredentials.user.header(OWNER));
      expect(windows.body.windows).toEqual([
        expect.objectContaining({ id: window.id, status: 'expired' }),
      ]);
      const again = await request(server)
        .delete(`${WINDOWS}/${window.id}`)
        .set('authorization', mockCredentials.user.header(OWNER));
      expect(again.status).toBe(409);
    });

    it('refuses a non-owner’s rule and a window that ends before it starts, and audits every write', async () => {
      const refused = await request(server)
        .post(RULES)
        .set('authorization', mockCredentials.user.header(NON_OWNER))
        .send(highErrors('NotMine'));
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toContain(
        'scaling.alerts.rules.update',
      );

      const backwards = await request(server)
        .post(WINDOWS)
        .set('authorization', mockCredentials.user.header(OWNER))
        .send({
          startsAt: '2030-01-02T10:00:00Z',
          endsAt: '2030-01-02T09:00:00Z',
          comment: 'Backwards',
        });
      expect(backwards.status).toBe(400);
      expect(backwards.body.problems).toEqual([
        {
          field: 'endsAt',
          message:
            'endsAt must be after startsAt (2030-01-02T10:00:00Z); got "2030-01-02T09:00:00Z"',
        },
      ]);

      const history = await request(server)
        .get('/api/scaling/entities/component/default/web/history')
        .set('authorization', mockCredentials.user.header(OWNER));
      const events = (history.body as ScalingHistory).events
        .filter(event => event.source === 'suite')
        .map(event => [event.action, event.outcome, event.actor]);
      expect(events).toEqual(
        expect.arrayContaining([
          ['alert-rule.create', 'failed', OWNER],
          ['alert-rule.create', 'succeeded', OWNER],
          ['alert-rule.create', 'denied', NON_OWNER],
          ['maintenance-window.create', 'succeeded', OWNER],
          ['maintenance-window.expire', 'succeeded', OWNER],
          ['maintenance-window.create', 'failed', OWNER],
        ]),
      );
    });

    it('takes alerts only from Alertmanager’s principal', async () => {
      const response = await request(server)
        .post('/api/scaling/alerts/webhook')
        .set('authorization', mockCredentials.service.header())
        .send({ version: '4', status: 'firing', alerts: [] });
      expect(response.status).toBe(403);
    });

    it('loads the SLO burn-rate alerts of every service of the catalog, rules or none', async () => {
      expect(await loadedRuleIds('component-default-shop.yml')).toEqual([]);
      await scheduledTasks.get('scaling-alert-rule-files')!();
      expect(await loadedRuleIds('component-default-shop.yml')).toEqual([
        'slo-burn-1h-5m',
        'slo-burn-6h-30m',
        'slo-burn-1d-2h',
        'slo-burn-3d-6h',
      ]);
    });
  },
);
