import { existsSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Sandbox } from '../server';
import { startTestSandbox } from '../testing/sandbox';
import {
  monitoringAvailable,
  startMonitoring,
  type Monitoring,
} from './startMonitoring';

// Prometheus needs a few scrapes; the suite may share two cores.
jest.setTimeout(90_000);

if (!monitoringAvailable() && process.env.CI)
  throw new Error(
    'Prometheus and Alertmanager are required in CI but were not found',
  );
const describeWithMonitoring = monitoringAvailable() ? describe : describe.skip;

interface Vector {
  metric: Record<string, string>;
  value: [number, string];
}

describeWithMonitoring('startMonitoring', () => {
  let sandbox: Sandbox;
  let monitoring: Monitoring;
  let webhook: Server;
  const notifications: { authorization?: string; body: any }[] = [];

  beforeAll(async () => {
    webhook = createServer((req, res) => {
      let body = '';
      req.on('data', chunk => (body += chunk));
      req.on('end', () => {
        notifications.push({
          authorization: req.headers.authorization,
          body: JSON.parse(body),
        });
        res.end();
      });
    });
    await new Promise<void>(resolve => webhook.listen(0, '127.0.0.1', resolve));
    sandbox = await startTestSandbox({ speed: 1 });
    monitoring = await startMonitoring({
      scrapeUrls: ['eu-west', 'eu-central'].map(
        name => `${sandbox.clusterUrl(name, 'http')}/metrics`,
      ),
      webhook: {
        url: `http://127.0.0.1:${
          (webhook.address() as AddressInfo).port
        }/alerts`,
        bearerToken: 'test-alertmanager-token',
      },
    });
  });

  afterAll(async () => {
    // The last test stops it; stopping twice is harmless.
    await monitoring?.stop();
    await sandbox?.close();
    await new Promise(resolve => webhook?.close(resolve));
  });

  async function query(promql: string): Promise<Vector[]> {
    const response = await fetch(
      `${monitoring.prometheusUrl}/api/v1/query?query=${encodeURIComponent(
        promql,
      )}`,
    );
    const body = (await response.json()) as {
      status: string;
      data: { result: Vector[] };
    };
    expect(body.status).toBe('success');
    return body.data.result;
  }

  /** Polls until the query returns `count` series, as scrapes arrive once a second. */
  async function eventually(promql: string, count: number): Promise<Vector[]> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const result = await query(promql);
      if (result.length >= count || Date.now() > deadline) return result;
      await new Promise(resolve => setTimeout(resolve, 500));
    }
  }

  it('scrapes every cluster of the sandbox, keeping their cluster and region labels', async () => {
    const up = await eventually('up == 1', 2);
    expect(up.map(s => s.metric.instance).sort()).toEqual(
      ['eu-central', 'eu-west'].map(name =>
        `${sandbox.clusterUrl(name, 'http')}/metrics`.replace('http://', ''),
      ),
    );

    const requests = await eventually(
      'sum by (cluster, region, service) (http_requests_total)',
      3,
    );
    expect(
      requests.map(s => [s.metric.cluster, s.metric.region, s.metric.service]),
    ).toEqual(
      expect.arrayContaining([
        ['eu-west', 'eu-west', 'web'],
        ['eu-west', 'eu-west', 'shop'],
        ['eu-central', 'eu-central', 'web'],
      ]),
    );
    for (const series of requests)
      expect(Number(series.value[1])).toBeGreaterThan(0);
  });

  it('loads rules written to the rule directory, and their alerts reach the webhook with its token', async () => {
    writeFileSync(
      `${monitoring.ruleDirectory}/test.yml`,
      [
        'groups:',
        '  - name: test',
        '    rules:',
        '      - alert: SandboxScraped',
        '        expr: up == 1',
      ].join('\n'),
    );
    const reload = await fetch(`${monitoring.prometheusUrl}/-/reload`, {
      method: 'POST',
    });
    expect(reload.ok).toBe(true);
    const rules = (await (
      await fetch(`${monitoring.prometheusUrl}/api/v1/rules`)
    ).json()) as { data: { groups: { rules: { name: string }[] }[] } };
    expect(rules.data.groups.flatMap(g => g.rules.map(r => r.name))).toEqual([
      'SandboxScraped',
    ]);

    const deadline = Date.now() + 30_000;
    while (notifications.length === 0 && Date.now() < deadline)
      await new Promise(resolve => setTimeout(resolve, 250));
    expect(notifications[0]).toMatchObject({
      authorization: 'Bearer test-alertmanager-token',
      body: {
        version: '4',
        status: 'firing',
        alerts: expect.arrayContaining([
          expect.objectContaining({
            labels: expect.objectContaining({ alertname: 'SandboxScraped' }),
          }),
        ]),
      },
    });
  });

  it('stops both programs and removes its directory', async () => {
    await monitoring.stop();
    await expect(
      fetch(`${monitoring.prometheusUrl}/-/ready`),
    ).rejects.toThrow();
    await expect(
      fetch(`${monitoring.alertmanagerUrl}/-/ready`),
    ).rejects.toThrow();
    expect(existsSync(monitoring.ruleDirectory)).toBe(false);
  });
});
