import { MockFetchApi, registerMswTestHooks } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { RolloutsClient } from './RolloutsClient';

const baseUrl = 'http://backstage.test/api/scaling';
const entityRef = {
  kind: 'Component',
  namespace: 'default',
  name: 'monitoring-service',
};

describe('RolloutsClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const client = new RolloutsClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: new MockFetchApi(),
  });

  it('reads the entity’s rollouts from its lower-cased path', async () => {
    server.use(
      http.get(
        `${baseUrl}/entities/component/default/monitoring-service/rollouts`,
        () =>
          HttpResponse.json({
            entityRef: 'component:default/monitoring-service',
            clusters: [],
          }),
      ),
    );

    await expect(client.getEntityRollouts(entityRef)).resolves.toEqual({
      entityRef: 'component:default/monitoring-service',
      clusters: [],
    });
  });

  it('posts an action as JSON and answers the backend’s result', async () => {
    let received: unknown;
    server.use(
      http.post(
        `${baseUrl}/entities/component/default/monitoring-service/rollouts/actions`,
        async ({ request }) => {
          received = await request.json();
          return HttpResponse.json({ action: 'undo' });
        },
      ),
    );

    const request = {
      cluster: 'meschain-eu-west',
      workload: {
        kind: 'Rollout' as const,
        namespace: 'meschain-sync',
        name: 'monitoring-service',
      },
      action: 'undo' as const,
      revision: 1,
    };
    await expect(client.runRolloutAction(entityRef, request)).resolves.toEqual({
      action: 'undo',
    });
    expect(received).toEqual(request);
  });

  it('turns a 409 into a ResponseError carrying the backend’s reason', async () => {
    const message =
      'Rollout monitoring-service in meschain-eu-west is not paused: there is nothing to promote';
    server.use(
      http.post(
        `${baseUrl}/entities/component/default/monitoring-service/rollouts/actions`,
        () =>
          HttpResponse.json(
            {
              error: { name: 'ConflictError', message },
              response: { statusCode: 409 },
            },
            { status: 409 },
          ),
      ),
    );

    const failure = await client
      .runRolloutAction(entityRef, {
        cluster: 'meschain-eu-west',
        workload: {
          kind: 'Rollout',
          namespace: 'meschain-sync',
          name: 'monitoring-service',
        },
        action: 'promote',
      })
      .catch(error => error);
    expect(failure).toBeInstanceOf(ResponseError);
    expect(failure.statusCode).toBe(409);
    expect(failure.body.error.message).toBe(message);
  });
});
