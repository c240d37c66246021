/**
 * Mean time to detection: from a fault injected into one service (half its requests answered with
 * a 5xx) until its owning team's Backstage notification exists. Everything is real but the
 * clusters: the kube-sandbox in real time, Debian's Prometheus scraping every cluster and
 * evaluating the alert rule the owner created through the portal's API, Debian's Alertmanager
 * routing the alert to the portal's webhook, and the notifications backend storing it.
 *
 * Each round faults a different service, with a fresh threshold rule on its error ratio (over
 * 5 % over 1 min, for 0 s). The baseline, measured in the same round, is when Prometheus itself
 * has the alert firing: what the portal adds on top is Alertmanager's group wait, the webhook and
 * the notification.
 *
 * Run with `yarn bench:mttd`; ROUNDS (default 3) rounds per interval setting, INTERVALS (default
 * `5,15`) the scrape = evaluation intervals in seconds. Anchor (the brief): 45 s.
 */
import {
  startMonitoring,
  startSandbox,
  type Monitoring,
  type Sandbox,
} from '@meschain/kube-sandbox';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startMttdBackend, WEBHOOK_TOKEN } from './lib/mttdBackend';

const REGION = 'eu-west';
/** Faulted in turn, one per round, so that no round waits for the last one's error ratio to fall. */
const SERVICES = [
  'order-service',
  'product-service',
  'user-service',
  'marketplace-service',
  'notification-service',
];
const ROUNDS = Math.min(SERVICES.length, Number(process.env.ROUNDS ?? 3));
const INTERVALS = (process.env.INTERVALS ?? '5,15')
  .split(',')
  .map(Number)
  .filter(n => n > 0);
/** Alertmanager's wait before a new group's first notification, as `yarn monitoring` sets it. */
const GROUP_WAIT_SECONDS = 5;
const FAULT_ERROR_RATIO = 0.5;
const THRESHOLD = 0.05;
const ANCHOR_MS = 45_000;
const POLL_MS = 200;
const TIMEOUT_MS = 180_000;

interface Round {
  service: string;
  /** From the fault, in ms; undefined when it did not happen within the timeout. */
  firing?: number;
  alertmanager?: number;
  notified?: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        resolve(typeof address === 'object' && address ? address.port : 0),
      );
    });
  });
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

async function json<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
  return (await response.json()) as T;
}

async function until(what: string, check: () => Promise<boolean>) {
  const deadline = Date.now() + TIMEOUT_MS;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(500);
  }
}

async function setFault(sandbox: Sandbox, service: string, fault: object) {
  const response = await fetch(
    `${sandbox.httpUrl}/_sandbox/clusters/${REGION}/services/${service}/fault`,
    {
      method: 'POST',
      headers: {
        authorization: `Bearer ${sandbox.adminToken}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(fault),
    },
  );
  if (!response.ok)
    throw new Error(`fault ${service}: ${await response.text()}`);
}

/** Rounds of fault → notification with Prometheus scraping and evaluating every `interval` s. */
async function measure(sandbox: Sandbox, interval: number): Promise<Round[]> {
  const [prometheusPort, alertmanagerPort] = [
    await freePort(),
    await freePort(),
  ];
  const prometheusUrl = `http://127.0.0.1:${prometheusPort}`;
  const alertmanagerUrl = `http://127.0.0.1:${alertmanagerPort}`;
  const ruleDirectory = mkdtempSync(join(tmpdir(), 'mttd-rules-'));
  const backend = await startMttdBackend({
    sandbox,
    region: REGION,
    services: SERVICES.slice(0, ROUNDS),
    prometheusUrl,
    alertmanagerUrl,
    ruleDirectory,
  });
  let monitoring: Monitoring | undefined;
  const rounds: Round[] = [];
  try {
    monitoring = await startMonitoring({
      scrapeUrls: [...sandbox.clusters.keys()].map(
        name => `${sandbox.clusterUrl(name, 'http')}/metrics`,
      ),
      webhook: { url: backend.webhookUrl, bearerToken: WEBHOOK_TOKEN },
      scrapeIntervalSeconds: interval,
      evaluationIntervalSeconds: interval,
      groupWaitSeconds: GROUP_WAIT_SECONDS,
      groupIntervalSeconds: 30,
      prometheusPort,
      alertmanagerPort,
      ruleDirectory,
    });
    // rate() over 1 min needs two scrapes of every faulted service.
    await until('the first scrapes', async () => {
      const query = `count(rate(http_requests_total{region="${REGION}"}[1m]))`;
      const { data } = await json<{
        data: { result: { value: [number, string] }[] };
      }>(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent(query)}`);
      return Number(data.result[0]?.value[1] ?? 0) > 0;
    });

    for (let i = 0; i < ROUNDS; i++) {
      const service = SERVICES[i];
      const alertname = `MttdErrorRatio${interval}s${i + 1}`;
      const ruleId = await backend.createRule(service, {
        name: alertname,
        kind: 'threshold',
        severity: 'critical',
        region: REGION,
        for: '0s',
        description: `${service} fails more than ${
          THRESHOLD * 100
        } % of its requests`,
        threshold: {
          signal: 'errorRatio',
          comparison: 'above',
          value: THRESHOLD,
          window: '1m',
        },
      });
      // Faulting before Prometheus evaluates the new rule would time the reload, not detection.
      await until(`${alertname} evaluated`, async () => {
        const { data } = await json<{
          data: {
            groups: {
              rules: { name: string; health: string; state?: string }[];
            }[];
          };
        }>(`${prometheusUrl}/api/v1/rules?type=alert`);
        return data.groups.some(g =>
          g.rules.some(
            r =>
              r.name === alertname &&
              r.health === 'ok' &&
              r.state === 'inactive',
          ),
        );
      });
      const round: Round = { service };
      const started = performance.now();
      await setFault(sandbox, service, { errorRatio: FAULT_ERROR_RATIO });
      const deadline = started + TIMEOUT_MS;
      while (round.notified === undefined && performance.now() < deadline) {
        const elapsed = performance.now() - started;
        const [firing, inAlertmanager, notified] = await Promise.all([
          round.firing !== undefined ||
            json<{
              data: {
                alerts: { labels: { alertname: string }; state: string }[];
              };
            }>(`${prometheusUrl}/api/v1/alerts`).then(({ data }) =>
              data.alerts.some(
                a => a.labels.alertname === alertname && a.state === 'firing',
              ),
            ),
          round.alertmanager !== undefined ||
            json<unknown[]>(
              `${alertmanagerUrl}/api/v2/alerts?filter=${encodeURIComponent(
                `alertname="${alertname}"`,
              )}`,
            ).then(alerts => alerts.length > 0),
          // Only this round's alert firing: a resolved one of the last round is no detection.
          backend
            .notifications()
            .then(list =>
              list.some(n =>
                n.payload.title.startsWith(`Firing: ${alertname} `),
              ),
            ),
        ]);
        if (firing && round.firing === undefined) round.firing = elapsed;
        if (inAlertmanager && round.alertmanager === undefined)
          round.alertmanager = elapsed;
        if (notified) round.notified = performance.now() - started;
        else await sleep(POLL_MS);
      }
      await setFault(sandbox, service, {});
      await backend.deleteRule(service, ruleId);
      rounds.push(round);
      const s = (ms?: number) =>
        ms === undefined ? 'never' : `${(ms / 1000).toFixed(1)} s`;
      process.stdout.write(
        `  ${interval} s intervals, round ${
          i + 1
        } (${service}): firing in Prometheus ${s(
          round.firing,
        )}, in Alertmanager ${s(round.alertmanager)}, owner notified ${s(
          round.notified,
        )}\n`,
      );
    }
  } finally {
    await monitoring?.stop();
    await backend.stop();
    rmSync(ruleDirectory, { recursive: true, force: true });
  }
  return rounds;
}

async function main() {
  // The sandbox's clock reads the wall clock, as Prometheus' does.
  const warmUpMs = 60_000;
  const sandbox = await startSandbox({
    port: 0,
    speed: 1,
    seed: 5,
    startTime: Date.now() - warmUpMs,
    warmUpMs,
  });
  const results: { interval: number; rounds: Round[] }[] = [];
  try {
    for (const interval of INTERVALS)
      results.push({ interval, rounds: await measure(sandbox, interval) });
  } finally {
    await sandbox.close();
  }

  const median = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    `\nTime to detection: fault (${
      FAULT_ERROR_RATIO * 100
    } % 5xx) → owner's notification; rule: error ratio over ${
      THRESHOLD * 100
    } % over 1m, for 0s; Alertmanager group_wait ${GROUP_WAIT_SECONDS} s; ${ROUNDS} rounds each:`,
  );
  let met = true;
  for (const { interval, rounds } of results) {
    const notified = rounds
      .map(r => r.notified)
      .filter((ms): ms is number => ms !== undefined);
    const firing = rounds
      .map(r => r.firing)
      .filter((ms): ms is number => ms !== undefined);
    if (notified.length < rounds.length) {
      met = false;
      console.log(
        `  scrape ${interval} s / evaluation ${interval} s: ${
          rounds.length - notified.length
        } of ${rounds.length} faults never reached the owner within ${seconds(
          TIMEOUT_MS,
        )}`,
      );
      continue;
    }
    const worst = Math.max(...notified);
    if (interval <= 5) met &&= worst <= ANCHOR_MS;
    console.log(
      `  scrape ${interval} s / evaluation ${interval} s: owner notified median ${seconds(
        median(notified),
      )}, max ${seconds(worst)} (${(median(notified) / ANCHOR_MS).toFixed(
        2,
      )}× the 45 s anchor); baseline (firing in Prometheus) median ${seconds(
        median(firing),
      )}; Alertmanager, webhook and notification add ${seconds(
        median(notified) - median(firing),
      )} (${(median(notified) / median(firing)).toFixed(2)}× the baseline)`,
    );
  }
  console.log(
    `  anchor: at most ${seconds(ANCHOR_MS)} with 5 s intervals, every round: ${
      met ? 'met' : 'NOT met'
    }`,
  );
  if (!met) process.exitCode = 1;
}

// The backend's scheduler and the sandbox's keep-alive sockets would hold the process open.
main().then(
  () => process.exit(),
  error => {
    console.error(error);
    process.exit(1);
  },
);
