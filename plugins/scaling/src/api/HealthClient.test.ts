import { MockFetchApi, registerMswTestHooks } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { HealthClient } from './HealthClient';

const baseUrl = 'http://backstage.test/api/scaling';
const entityRef = {
  kind: 'Component',
  namespace: 'default',
  name: 'order-service',
};
const entityPath = `${baseUrl}/entities/component/default/order-service`;

describe('HealthClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const client = new HealthClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: new MockFetchApi(),
  });

  it('asks for the signals over the window, and for the checks of one region', async () => {
    const asked: string[] = [];
    server.use(
      http.get(`${entityPath}/health`, ({ request }) => {
        asked.push(request.url);
        return HttpResponse.json({ regions: [] });
      }),
      http.get(`${entityPath}/health/checks`, ({ request }) => {
        asked.push(request.url);
        return HttpResponse.json({ checks: [], links: [] });
      }),
    );

    await expect(
      client.getEntityHealth(entityRef, { window: '1h' }),
    ).resolves.toEqual({ regions: [] });
    await expect(
      client.getHealthChecks(entityRef, { region: 'eu-west' }),
    ).resolves.toEqual({ checks: [], links: [] });
    await client.getHealthChecks(entityRef);

    expect(asked).toEqual([
      `${entityPath}/health?window=1h`,
      `${entityPath}/health/checks?region=eu-west`,
      `${entityPath}/health/checks`,
    ]);
  });

  it('turns an error answer into a ResponseError with the backend’s message', async () => {
    server.use(
      http.get(`${entityPath}/health`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotFoundError', message: 'No such entity' },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );
    const failure = client.getEntityHealth(entityRef);
    await expect(failure).rejects.toBeInstanceOf(ResponseError);
    await expect(failure).rejects.toMatchObject({
      statusCode: 404,
      body: { error: { message: 'No such entity' } },
    });
  });
});
