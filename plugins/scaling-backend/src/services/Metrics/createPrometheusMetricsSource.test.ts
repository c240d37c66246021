import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createPrometheusMetricsSource } from './createPrometheusMetricsSource';
import { readPrometheusConfig } from './readPrometheusConfig';

const GLOBAL = 'http://prometheus.example.com';
const EU_WEST = 'http://prometheus.eu-west.example.com';

function source(prometheus: object) {
  return createPrometheusMetricsSource(
    readPrometheusConfig(
      new ConfigReader({ scaling: { metrics: { prometheus } } }),
    ),
  );
}

describe('createPrometheusMetricsSource', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const received: Array<{ url: string; form: URLSearchParams }> = [];

  function answer(base: string, path: string, body: object, status = 200) {
    server.use(
      http.post(`${base}${path}`, async ({ request }) => {
        received.push({
          url: request.url,
          form: new URLSearchParams(await request.text()),
        });
        return HttpResponse.json(body, { status });
      }),
    );
  }

  beforeEach(() => {
    received.length = 0;
  });

  it('evaluates an instant query at a time and reads its vector', async () => {
    answer(GLOBAL, '/api/v1/query', {
      status: 'success',
      data: {
        resultType: 'vector',
        result: [
          { metric: { region: 'us-east' }, value: [1_800_000_000, '12.5'] },
          { metric: { region: 'eu-west' }, value: [1_800_000_000, 'NaN'] },
          { metric: { region: 'ap-south' }, value: [1_800_000_000, '+Inf'] },
        ],
      },
    });
    const samples = await source({ url: `${GLOBAL}/` }).query(
      'sum by (region) (rate(http_requests_total[5m]))',
      { region: 'us-east', time: new Date(1_800_000_000_000) },
    );
    expect(samples).toEqual([
      { labels: { region: 'us-east' }, time: 1_800_000_000, value: 12.5 },
      { labels: { region: 'eu-west' }, time: 1_800_000_000, value: NaN },
      { labels: { region: 'ap-south' }, time: 1_800_000_000, value: Infinity },
    ]);
    expect(received[0].url).toBe(`${GLOBAL}/api/v1/query`);
    expect(Object.fromEntries(received[0].form)).toEqual({
      query: 'sum by (region) (rate(http_requests_total[5m]))',
      time: '1800000000',
    });
  });

  it('reads a scalar as one unlabelled sample', async () => {
    answer(GLOBAL, '/api/v1/query', {
      status: 'success',
      data: { resultType: 'scalar', result: [1_800_000_000.5, '3'] },
    });
    await expect(
      source({ url: GLOBAL }).query('vector(3)', { region: 'us-east' }),
    ).resolves.toEqual([{ labels: {}, time: 1_800_000_000.5, value: 3 }]);
    expect(received[0].form.has('time')).toBe(false);
  });

  it('asks a region with its own Prometheus there, and the others the global one', async () => {
    const matrix = {
      status: 'success',
      data: {
        resultType: 'matrix',
        result: [
          {
            metric: { service: 'checkout' },
            values: [
              [1_800_000_000, '1'],
              [1_800_000_060, '2.5'],
            ],
          },
        ],
      },
    };
    answer(EU_WEST, '/api/v1/query_range', matrix);
    answer(GLOBAL, '/api/v1/query_range', matrix);
    const metrics = source({
      url: GLOBAL,
      regions: [{ region: 'eu-west', url: EU_WEST }],
    });
    const range = {
      start: new Date(1_800_000_000_000),
      end: new Date(1_800_000_060_000),
      stepSeconds: 60,
    };
    await expect(
      metrics.queryRange('up', { region: 'eu-west', ...range }),
    ).resolves.toEqual([
      {
        labels: { service: 'checkout' },
        points: [
          [1_800_000_000, 1],
          [1_800_000_060, 2.5],
        ],
      },
    ]);
    await metrics.queryRange('up', { region: 'us-east', ...range });
    expect(received.map(r => r.url)).toEqual([
      `${EU_WEST}/api/v1/query_range`,
      `${GLOBAL}/api/v1/query_range`,
    ]);
    expect(Object.fromEntries(received[0].form)).toEqual({
      query: 'up',
      start: '1800000000',
      end: '1800000060',
      step: '60',
    });
  });

  it("names the region and Prometheus' own error", async () => {
    answer(
      GLOBAL,
      '/api/v1/query',
      {
        status: 'error',
        errorType: 'bad_data',
        error: '1:6: parse error: unexpected end of input',
      },
      400,
    );
    await expect(
      source({ url: GLOBAL }).query('sum(', { region: 'eu-west' }),
    ).rejects.toThrow(
      'Prometheus of region eu-west answered 400 bad_data: 1:6: parse error: unexpected end of input',
    );
  });

  it('names the region of a Prometheus that answers something else', async () => {
    server.use(
      http.post(
        `${GLOBAL}/api/v1/query`,
        () =>
          new HttpResponse('Bad Gateway', {
            status: 502,
            statusText: 'Bad Gateway',
          }),
      ),
    );
    await expect(
      source({ url: GLOBAL }).query('up', { region: 'eu-west' }),
    ).rejects.toThrow(
      'Prometheus of region eu-west answered 502 Bad Gateway without a query result',
    );
  });

  it('gives up on a Prometheus that does not answer in time', async () => {
    server.use(
      http.post(`${GLOBAL}/api/v1/query`, async () => {
        await delay(2_000);
        return HttpResponse.json({});
      }),
    );
    await expect(
      source({ url: GLOBAL, timeoutMs: 50 }).query('up', { region: 'us-east' }),
    ).rejects.toThrow(
      'Prometheus of region us-east could not be reached: no answer within 50 ms',
    );
  });

  it('refuses a region no Prometheus is configured for', async () => {
    await expect(
      source({ regions: [{ region: 'eu-west', url: EU_WEST }] }).query('up', {
        region: 'us-east',
      }),
    ).rejects.toThrow(
      'No Prometheus is configured for region us-east; set scaling.metrics.prometheus.url or an entry of scaling.metrics.prometheus.regions',
    );
  });

  it('refuses a region configured twice', () => {
    expect(() =>
      source({
        regions: [
          { region: 'eu-west', url: EU_WEST },
          { region: 'eu-west', url: GLOBAL },
        ],
      }),
    ).toThrow('scaling.metrics.prometheus.regions lists region eu-west twice');
  });
});
