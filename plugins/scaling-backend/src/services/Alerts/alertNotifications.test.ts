import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { createAlertNotifier } from './alertNotifications';

const web = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'web',
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-id': 'web-svc' },
  },
  spec: { type: 'service', owner: 'shop-team' },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/shop-team' }],
};

function alert(status: 'firing' | 'resolved', labels: Record<string, string>) {
  return {
    status,
    labels: { alertname: 'HighErrorRatio', ...labels },
    annotations: { summary: 'errorRatio above 0.2' },
    startsAt: '2026-12-05T22:00:00Z',
    fingerprint: `fp-${Object.values(labels).join('-')}`,
  };
}

function setUp(send = jest.fn(async (_: NotificationSendOptions) => {})) {
  const notifier = createAlertNotifier({
    notifications: { send },
    catalog: catalogServiceMock({ entities: [web] }),
    auth: mockServices.auth(),
    portalBaseUrl: 'http://portal.test',
    logger: mockServices.logger.mock(),
  });
  const payload = (alerts: ReturnType<typeof alert>[]) => ({
    version: '4',
    status: 'firing',
    alerts,
  });
  return { notifier, send, payload };
}

describe('createAlertNotifier', () => {
  it('notifies the owner an alert names, once per alert, with its severity and the Health tab', async () => {
    const { notifier, send, payload } = setUp();
    await expect(
      notifier.notify(
        payload([
          alert('firing', {
            entity_ref: 'component:default/web',
            owner: 'group:default/shop-team',
            severity: 'warning',
            region: 'eu-west',
            rule_id: 'r-1',
          }),
        ]),
      ),
    ).resolves.toEqual({ notified: 1 });
    expect(send).toHaveBeenCalledWith({
      recipients: { type: 'entity', entityRef: 'group:default/shop-team' },
      payload: {
        title: 'Firing: HighErrorRatio on component:default/web in eu-west',
        description: 'errorRatio above 0.2',
        link: 'http://portal.test/catalog/default/component/web/health',
        severity: 'high',
        topic: 'Alerts of component:default/web',
        scope:
          'alert:fp-component:default/web-group:default/shop-team-warning-eu-west-r-1',
        metadata: {
          alertname: 'HighErrorRatio',
          status: 'firing',
          ruleId: 'r-1',
          startsAt: '2026-12-05T22:00:00Z',
        },
      },
    });
  });

  it('finds the owner in the catalog by the service label of an alert from elsewhere, and marks a resolved one low', async () => {
    const { notifier, send, payload } = setUp();
    await notifier.notify(
      payload([
        alert('resolved', { service: 'web-svc', severity: 'critical' }),
        alert('firing', { service: 'unknown' }),
      ]),
    );
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0][0]).toMatchObject({
      recipients: { entityRef: 'group:default/shop-team' },
      payload: {
        title: 'Resolved: HighErrorRatio on component:default/web',
        severity: 'low',
      },
    });
  });

  it('notifies the others when one alert fails, then fails so that Alertmanager sends the group again', async () => {
    const send = jest
      .fn(async (_: NotificationSendOptions) => {})
      .mockRejectedValueOnce(new Error('notifications backend down'));
    const { notifier, payload } = setUp(send);
    const labels = (owner: string) => ({
      entity_ref: 'component:default/web',
      owner,
    });
    await expect(
      notifier.notify(
        payload([
          alert('firing', labels('group:default/a')),
          alert('firing', labels('group:default/b')),
        ]),
      ),
    ).rejects.toThrow('Could not notify the owners of 1 of 2 alerts');
    expect(send).toHaveBeenCalledTimes(2);
  });
});
