import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { notificationService } from '@backstage/plugin-notifications-node';
import { readFileSync } from 'fs';
import { resolve } from 'path';
import request from 'supertest';
import { parse } from 'yaml';

jest.setTimeout(60_000);

/** The `notifications` section of the portal's local app-config.yaml, as `yarn start` reads it. */
function localNotificationsConfig() {
  const appConfig = parse(
    readFileSync(resolve(__dirname, '../../../../app-config.yaml'), 'utf8'),
  );
  return appConfig.notifications;
}

describe('the notification channels with the local config', () => {
  it('start, and deliver a notification to its recipient while email goes nowhere and Slack is off', async () => {
    let send: ((entityRef: string) => Promise<void>) | undefined;
    const sender = createBackendPlugin({
      pluginId: 'sender',
      register(env) {
        env.registerInit({
          deps: { notifications: notificationService },
          async init({ notifications }) {
            send = entityRef =>
              notifications.send({
                recipients: { type: 'entity', entityRef },
                payload: { title: 'HighErrorRatio on web' },
              });
          },
        });
      },
    });
    const { server } = await startTestBackend({
      features: [
        import('@backstage/plugin-notifications-backend'),
        import('@backstage/plugin-notifications-backend-module-email'),
        import('@backstage/plugin-notifications-backend-module-slack'),
        sender,
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            notifications: localNotificationsConfig(),
          },
        }),
        catalogServiceMock.factory({
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'User',
              metadata: { name: 'ada', namespace: 'default' },
              spec: { profile: { email: 'ada@meschain.local' } },
            },
          ],
        }),
      ],
    });

    await send!('user:default/ada');

    const response = await request(server)
      .get('/api/notifications/notifications')
      .set('authorization', mockCredentials.user.header('user:default/ada'));
    expect(response.status).toBe(200);
    expect(
      response.body.notifications.map(
        (n: { payload: { title: string } }) => n.payload.title,
      ),
    ).toEqual(['HighErrorRatio on web']);
  });
});
