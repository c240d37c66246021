import { MockFetchApi, registerMswTestHooks } from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ScalingClient } from './ScalingClient';

const baseUrl = 'http://backstage.test/api/scaling';

describe('ScalingClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const client = new ScalingClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: new MockFetchApi(),
  });

  it('reads an entity’s facts from its lower-cased, encoded path', async () => {
    server.use(
      http.get(
        `${baseUrl}/entities/component/default/order-service/facts`,
        () =>
          HttpResponse.json({ entityRef: 'component:default/order-service' }),
      ),
    );

    await expect(
      client.getEntityFacts({
        kind: 'Component',
        namespace: 'default',
        name: 'order-service',
      }),
    ).resolves.toEqual({ entityRef: 'component:default/order-service' });
  });

  it('turns an error response into a ResponseError with the backend’s message', async () => {
    server.use(
      http.get(`${baseUrl}/entities/component/default/gone/facts`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotFoundError',
              message: 'No entity named component:default/gone in the catalog',
            },
            request: {
              method: 'GET',
              url: '/entities/component/default/gone/facts',
            },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );

    await expect(
      client.getEntityFacts({
        kind: 'Component',
        namespace: 'default',
        name: 'gone',
      }),
    ).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 404,
      body: {
        error: {
          message: 'No entity named component:default/gone in the catalog',
        },
      },
    });
  });
});
