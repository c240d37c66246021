import { MockFetchApi, registerMswTestHooks } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ReportsClient } from './ReportsClient';

const baseUrl = 'http://backstage.test/api/scaling';

describe('ReportsClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const client = new ReportsClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: new MockFetchApi({
      injectIdentityAuth: { token: 'user-token' },
    }),
  });

  it('lists, makes, and downloads reports with the user’s token', async () => {
    const tokens: Array<string | null> = [];
    server.use(
      http.get(`${baseUrl}/reports`, ({ request }) => {
        tokens.push(request.headers.get('authorization'));
        expect(new URL(request.url).searchParams.get('team')).toBe(
          'group:default/platform-team',
        );
        return HttpResponse.json({ reports: [{ id: 'r-1' }] });
      }),
      http.post(`${baseUrl}/reports`, async ({ request }) => {
        tokens.push(request.headers.get('authorization'));
        return HttpResponse.json(
          { id: 'r-2', ...((await request.json()) as object) },
          { status: 201 },
        );
      }),
      http.get(`${baseUrl}/reports/r-1.pdf`, ({ request }) => {
        tokens.push(request.headers.get('authorization'));
        return new HttpResponse('%PDF-1.3', {
          headers: {
            'content-type': 'application/pdf',
            'content-disposition':
              'attachment; filename="scaling-report-org-2026-11-23-2026-11-30.pdf"',
          },
        });
      }),
    );

    await expect(
      client.listReports({ team: 'group:default/platform-team' }),
    ).resolves.toEqual([{ id: 'r-1' }]);
    await expect(
      client.createReport({
        kind: 'cost',
        start: '2026-11-01',
        end: '2026-12-01',
      }),
    ).resolves.toMatchObject({ id: 'r-2', kind: 'cost' });
    const download = await client.downloadReport('r-1', 'pdf');
    expect(download.filename).toBe(
      'scaling-report-org-2026-11-23-2026-11-30.pdf',
    );
    expect(await download.blob.text()).toBe('%PDF-1.3');
    expect(tokens).toEqual([
      'Bearer user-token',
      'Bearer user-token',
      'Bearer user-token',
    ]);
  });

  it('throws the backend’s 403 as a ResponseError', async () => {
    server.use(
      http.get(`${baseUrl}/reports/r-9.csv`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotAllowedError',
              message:
                'Only the members of group:default/platform-team and platform admins may read its reports',
            },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );
    const error = await client.downloadReport('r-9', 'csv').catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.response.status).toBe(403);
    expect(error.body.error.message).toContain('may read its reports');
  });
});
