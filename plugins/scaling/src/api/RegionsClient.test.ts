import { MockFetchApi, registerMswTestHooks } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { RegionsClient } from './RegionsClient';

const baseUrl = 'http://backstage.test/api/scaling';

describe('RegionsClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const client = new RegionsClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: new MockFetchApi(),
  });

  it('reads the overview, one region and an entity’s regions from their paths', async () => {
    server.use(
      http.get(`${baseUrl}/regions`, () => HttpResponse.json({ regions: [] })),
      http.get(`${baseUrl}/regions/tr-central`, () =>
        HttpResponse.json({ region: { id: 'tr-central' } }),
      ),
      http.get(
        `${baseUrl}/entities/component/default/order-service/regions`,
        () =>
          HttpResponse.json({ entityRef: 'component:default/order-service' }),
      ),
    );

    await expect(client.getRegionsOverview()).resolves.toEqual({ regions: [] });
    await expect(client.getRegion('tr-central')).resolves.toEqual({
      region: { id: 'tr-central' },
    });
    await expect(
      client.getEntityRegions({
        kind: 'Component',
        namespace: 'default',
        name: 'order-service',
      }),
    ).resolves.toEqual({ entityRef: 'component:default/order-service' });
  });

  it('turns a 404 into a ResponseError naming the unknown region', async () => {
    server.use(
      http.get(`${baseUrl}/regions/mars-north`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotFoundError', message: 'No region mars-north' },
            request: { method: 'GET', url: '/regions/mars-north' },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );
    const failure = client.getRegion('mars-north');
    await expect(failure).rejects.toBeInstanceOf(ResponseError);
    await expect(failure).rejects.toMatchObject({
      statusCode: 404,
      body: { error: { message: 'No region mars-north' } },
    });
  });
});
