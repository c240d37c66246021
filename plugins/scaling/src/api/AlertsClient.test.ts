import { MockFetchApi, registerMswTestHooks } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { AlertsClient } from './AlertsClient';

const baseUrl = 'http://backstage.test/api/scaling';
const entityRef = {
  kind: 'Component',
  namespace: 'default',
  name: 'order-service',
};
const entityPath = `${baseUrl}/entities/component/default/order-service`;

describe('AlertsClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const client = new AlertsClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: new MockFetchApi(),
  });

  it('sends rules and windows as JSON to the entity’s paths, and deletes by id', async () => {
    const requests: Array<{ method: string; url: string; body?: unknown }> = [];
    const record = async ({ request }: { request: Request }) => {
      const text = await request.text();
      requests.push({
        method: request.method,
        url: request.url,
        ...(text ? { body: JSON.parse(text) } : {}),
      });
    };
    server.use(
      http.post(`${entityPath}/alerts/rules`, async info => {
        await record(info);
        return HttpResponse.json({ id: 'rule-1' }, { status: 201 });
      }),
      http.put(`${entityPath}/alerts/rules/:id`, async info => {
        await record(info);
        return HttpResponse.json({ id: 'rule-1' });
      }),
      http.delete(`${entityPath}/alerts/rules/:id`, async info => {
        await record(info);
        return new HttpResponse(null, { status: 204 });
      }),
      http.post(`${entityPath}/maintenance-windows`, async info => {
        await record(info);
        return HttpResponse.json({ id: 'silence-1' }, { status: 201 });
      }),
      http.delete(`${entityPath}/maintenance-windows/:id`, async info => {
        await record(info);
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const rule = {
      name: 'HighErrorRatio',
      severity: 'critical',
      for: '5m',
      kind: 'threshold',
      threshold: { signal: 'errorRatio', comparison: 'above', value: 0.02 },
    } as const;
    const window = {
      startsAt: '2030-01-15T10:00:00.000Z',
      endsAt: '2030-01-15T12:00:00.000Z',
      comment: 'order-db upgrade',
    };

    await client.createAlertRule(entityRef, rule);
    await client.updateAlertRule(entityRef, 'rule-1', rule);
    await client.deleteAlertRule(entityRef, 'rule-1');
    await client.createMaintenanceWindow(entityRef, window);
    await client.expireMaintenanceWindow(entityRef, 'silence-1');

    expect(requests).toEqual([
      { method: 'POST', url: `${entityPath}/alerts/rules`, body: rule },
      { method: 'PUT', url: `${entityPath}/alerts/rules/rule-1`, body: rule },
      { method: 'DELETE', url: `${entityPath}/alerts/rules/rule-1` },
      {
        method: 'POST',
        url: `${entityPath}/maintenance-windows`,
        body: window,
      },
      { method: 'DELETE', url: `${entityPath}/maintenance-windows/silence-1` },
    ]);
  });

  it('keeps a 400’s field problems on the ResponseError', async () => {
    server.use(
      http.delete(`${entityPath}/alerts/rules/:id`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotAllowedError', message: 'Owners only' },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
      http.post(`${entityPath}/alerts/rules`, () =>
        HttpResponse.json(
          {
            error: { name: 'InputError', message: 'Invalid alert rule' },
            response: { statusCode: 400 },
            problems: [{ field: 'threshold.value', message: 'is required' }],
          },
          { status: 400 },
        ),
      ),
    );

    await expect(
      client.deleteAlertRule(entityRef, 'rule-1'),
    ).rejects.toMatchObject({ statusCode: 403 });
    const failure = client.createAlertRule(entityRef, {
      name: 'X',
      severity: 'info',
      for: '5m',
      kind: 'composite',
      conditions: [],
    });
    await expect(failure).rejects.toBeInstanceOf(ResponseError);
    await expect(failure).rejects.toMatchObject({
      statusCode: 400,
      body: {
        problems: [{ field: 'threshold.value', message: 'is required' }],
      },
    });
  });
});
