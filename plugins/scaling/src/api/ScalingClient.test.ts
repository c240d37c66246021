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

  it('scales with a JSON body and surfaces a 409’s message', async () => {
    let received: unknown;
    server.use(
      http.post(
        `${baseUrl}/entities/component/default/order-service/scale`,
        async ({ request }) => {
          received = await request.json();
          return HttpResponse.json(
            {
              error: {
                name: 'ConflictError',
                message:
                  'Deployment order-service was changed since you loaded it; reload and try again',
              },
              request: { method: 'POST', url: '/scale' },
              response: { statusCode: 409 },
            },
            { status: 409 },
          );
        },
      ),
    );
    const request = {
      cluster: 'meschain-eu-west',
      workload: {
        kind: 'Deployment' as const,
        namespace: 'meschain-sync',
        name: 'order-service',
      },
      replicas: 4,
      resourceVersion: '41',
    };

    await expect(
      client.scaleWorkload(
        { kind: 'Component', namespace: 'default', name: 'order-service' },
        request,
      ),
    ).rejects.toMatchObject({
      statusCode: 409,
      body: { error: { name: 'ConflictError' } },
    });
    expect(received).toEqual(request);
  });

  it('asks for a limited history and deletes a policy in the named regions', async () => {
    const seen: string[] = [];
    server.use(
      http.get(
        `${baseUrl}/entities/component/default/order-service/history`,
        ({ request }) => {
          seen.push(`GET ${new URL(request.url).search}`);
          return HttpResponse.json({ events: [] });
        },
      ),
      http.delete(
        `${baseUrl}/entities/component/default/order-service/policy`,
        ({ request }) => {
          seen.push(`DELETE ${new URL(request.url).search}`);
          return HttpResponse.json({ results: [] });
        },
      ),
    );
    const ref = {
      kind: 'Component',
      namespace: 'default',
      name: 'order-service',
    };

    await expect(client.getHistory(ref, { limit: 50 })).resolves.toEqual({
      events: [],
    });
    await expect(
      client.deletePolicy(ref, ['eu-west', 'us-east']),
    ).resolves.toEqual({ results: [] });
    expect(seen).toEqual([
      'GET ?limit=50',
      'DELETE ?regions=eu-west%2Cus-east',
    ]);
  });

  it('keeps the problems of a refused policy, for the editor to place on their fields', async () => {
    server.use(
      http.post(
        `${baseUrl}/entities/component/default/order-service/policy`,
        () =>
          HttpResponse.json(
            {
              error: {
                name: 'InputError',
                message:
                  'Invalid scaling policy: minReplicas must be at most maxReplicas (2)',
              },
              request: {
                method: 'POST',
                url: '/entities/component/default/order-service/policy',
              },
              response: { statusCode: 400 },
              problems: [
                {
                  field: 'minReplicas',
                  message: 'must be at most maxReplicas (2)',
                },
              ],
            },
            { status: 400 },
          ),
      ),
    );

    await expect(
      client.applyPolicy(
        { kind: 'Component', namespace: 'default', name: 'order-service' },
        {
          regions: ['*'],
          policy: { minReplicas: 3, maxReplicas: 2, targets: [] },
        },
      ),
    ).rejects.toMatchObject({
      statusCode: 400,
      body: {
        error: { name: 'InputError' },
        problems: [
          { field: 'minReplicas', message: 'must be at most maxReplicas (2)' },
        ],
      },
    });
  });
});
