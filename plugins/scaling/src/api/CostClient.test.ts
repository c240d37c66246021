import { MockFetchApi, registerMswTestHooks } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { CostClient } from './CostClient';

const baseUrl = 'http://backstage.test/api/scaling';

describe('CostClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const client = new CostClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: new MockFetchApi(),
  });

  it('asks for an entity’s cost over a window, on its lower-cased, encoded path', async () => {
    let query: URLSearchParams | undefined;
    server.use(
      http.get(
        `${baseUrl}/cost/entities/component/default/order%20service`,
        ({ request }) => {
          query = new URL(request.url).searchParams;
          return HttpResponse.json({ total: 12.5 });
        },
      ),
    );

    await expect(
      client.getEntityCost(
        { kind: 'Component', namespace: 'default', name: 'order service' },
        { start: '2026-10-01', end: '2026-11-01' },
      ),
    ).resolves.toEqual({ total: 12.5 });
    expect(query?.get('start')).toBe('2026-10-01');
    expect(query?.get('end')).toBe('2026-11-01');
  });

  it('leaves the window to the backend when none is given', async () => {
    let search: string | undefined;
    server.use(
      http.get(
        `${baseUrl}/cost/teams/group/default/platform-team`,
        ({ request }) => {
          search = new URL(request.url).search;
          return HttpResponse.json({ total: 3 });
        },
      ),
      http.get(`${baseUrl}/cost/org`, () => HttpResponse.json({ total: 9 })),
    );

    await expect(
      client.getTeamCost({
        kind: 'Group',
        namespace: 'default',
        name: 'platform-team',
      }),
    ).resolves.toEqual({ total: 3 });
    expect(search).toBe('');
    await expect(client.getOrgCost()).resolves.toEqual({ total: 9 });
  });

  it('reads efficiency and recommendations below the entity’s path', async () => {
    const ref = { kind: 'Component', namespace: 'default', name: 'a' };
    server.use(
      http.get(`${baseUrl}/cost/entities/component/default/a/efficiency`, () =>
        HttpResponse.json({ kind: 'efficiency' }),
      ),
      http.get(
        `${baseUrl}/cost/entities/component/default/a/recommendations`,
        () => HttpResponse.json({ kind: 'recommendations' }),
      ),
    );

    await expect(client.getEntityEfficiency(ref)).resolves.toEqual({
      kind: 'efficiency',
    });
    await expect(client.getEntityRecommendations(ref)).resolves.toEqual({
      kind: 'recommendations',
    });
  });

  it('turns a refused window into a ResponseError naming what is wrong', async () => {
    server.use(
      http.get(`${baseUrl}/cost/org`, () =>
        HttpResponse.json(
          {
            error: { name: 'InputError', message: 'end must be after start' },
            request: { method: 'GET', url: '/cost/org' },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
    );

    const error = await client
      .getOrgCost({ start: '2026-11-02', end: '2026-11-01' })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error).toMatchObject({
      statusCode: 400,
      body: { error: { message: 'end must be after start' } },
    });
  });
});
