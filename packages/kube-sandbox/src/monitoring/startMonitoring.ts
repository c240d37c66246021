import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { freePort, ProcessGroup, waitFor } from '../realCluster/processes';
import {
  renderAlertmanagerConfig,
  renderPrometheusConfig,
  type WebhookReceiver,
} from './config';

export interface MonitoringOptions {
  /** Full URLs of exposition endpoints to scrape, e.g. `${sandbox.clusterUrl('eu-west', 'http')}/metrics`. */
  scrapeUrls: string[];
  /** Where Alertmanager posts alerts; omitted, alerts go to a receiver that drops them. */
  webhook?: WebhookReceiver;
  /** Default 1, for tests. */
  scrapeIntervalSeconds?: number;
  /** Default 1, for tests. */
  evaluationIntervalSeconds?: number;
  /** Alertmanager's wait before a new group's first notification. Default 1 s. */
  groupWaitSeconds?: number;
  /** Alertmanager's wait before notifying a group's changes. Default 1 s. */
  groupIntervalSeconds?: number;
  /** Alertmanager's wait before repeating an unchanged group's notification. Default 1 h. */
  repeatIntervalSeconds?: number;
  /** Default: free ports. */
  prometheusPort?: number;
  alertmanagerPort?: number;
  /** Where the configs, the TSDB, Alertmanager's state and the logs live. Default: a temporary directory that `stop` removes. */
  dataDir?: string;
  /** Default: `<dataDir>/rules`. */
  ruleDirectory?: string;
}

export interface Monitoring {
  prometheusUrl: string;
  alertmanagerUrl: string;
  /** Directory Prometheus loads `*.yml` rule files from; write there, then POST `${prometheusUrl}/-/reload`. */
  ruleDirectory: string;
  /** Where the programs' logs are: `prometheus.log`, `alertmanager.log`. */
  logDir: string;
  stop(): Promise<void>;
}

/** Debian's names first (package `prometheus`, `prometheus-alertmanager`), then upstream's. */
const PROGRAMS = {
  prometheus: ['prometheus'],
  alertmanager: ['prometheus-alertmanager', 'alertmanager'],
};

const READY_TIMEOUT_MS = 30_000;

/** The first of `names` found executable on PATH (or named by `PROMETHEUS`/`ALERTMANAGER`). */
function findProgram(program: keyof typeof PROGRAMS): string | undefined {
  const override = process.env[program.toUpperCase()];
  if (override) return override;
  for (const name of PROGRAMS[program]) {
    for (const dir of (process.env.PATH ?? '').split(delimiter)) {
      if (!dir) continue;
      const path = join(dir, name);
      try {
        accessSync(path, constants.X_OK);
        return path;
      } catch {
        // not in this directory
      }
    }
  }
  return undefined;
}

/** Whether Prometheus and Alertmanager are installed, so that `startMonitoring` can run them. */
export function monitoringAvailable(): boolean {
  return (
    findProgram('prometheus') !== undefined &&
    findProgram('alertmanager') !== undefined
  );
}

/**
 * Runs a real Prometheus that scrapes the given endpoints and evaluates the rule files of
 * `ruleDirectory`, and a real Alertmanager it sends alerts to, which notifies the webhook.
 * Resolves once both answer `/-/ready`.
 */
export async function startMonitoring(
  options: MonitoringOptions,
): Promise<Monitoring> {
  const prometheusBin = findProgram('prometheus');
  const alertmanagerBin = findProgram('alertmanager');
  if (!prometheusBin || !alertmanagerBin)
    throw new Error(
      'Prometheus and Alertmanager are not installed (Debian packages prometheus and prometheus-alertmanager)',
    );
  const temporary = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'monitoring-'));
  const ruleDirectory = options.ruleDirectory ?? join(dataDir, 'rules');
  const logDir = join(dataDir, 'logs');
  for (const dir of [ruleDirectory, logDir])
    mkdirSync(dir, { recursive: true });

  const prometheusPort = options.prometheusPort ?? (await freePort());
  const alertmanagerPort = options.alertmanagerPort ?? (await freePort());
  const prometheusUrl = `http://127.0.0.1:${prometheusPort}`;
  const alertmanagerUrl = `http://127.0.0.1:${alertmanagerPort}`;

  const evaluationIntervalSeconds = options.evaluationIntervalSeconds ?? 1;
  const prometheusConfig = join(dataDir, 'prometheus.yml');
  writeFileSync(
    prometheusConfig,
    renderPrometheusConfig({
      scrapeUrls: options.scrapeUrls,
      scrapeIntervalSeconds: options.scrapeIntervalSeconds ?? 1,
      evaluationIntervalSeconds,
      ruleDirectory,
      alertmanagerAddress: `127.0.0.1:${alertmanagerPort}`,
    }),
  );
  const alertmanagerConfig = join(dataDir, 'alertmanager.yml');
  writeFileSync(
    alertmanagerConfig,
    renderAlertmanagerConfig({
      webhook: options.webhook,
      groupWaitSeconds: options.groupWaitSeconds ?? 1,
      groupIntervalSeconds: options.groupIntervalSeconds ?? 1,
      repeatIntervalSeconds: options.repeatIntervalSeconds ?? 3600,
    }),
    { mode: 0o600 },
  );

  const group = new ProcessGroup('', logDir);
  const stop = async () => {
    await group.stopAll();
    if (temporary) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    group.start('alertmanager', alertmanagerBin, [
      `--config.file=${alertmanagerConfig}`,
      `--storage.path=${join(dataDir, 'alertmanager')}`,
      `--web.listen-address=127.0.0.1:${alertmanagerPort}`,
      `--web.external-url=${alertmanagerUrl}`,
      // One Alertmanager, no gossip: its cluster port would collide between test runs.
      '--cluster.listen-address=',
    ]);
    group.start('prometheus', prometheusBin, [
      `--config.file=${prometheusConfig}`,
      `--storage.tsdb.path=${join(dataDir, 'prometheus')}`,
      `--web.listen-address=127.0.0.1:${prometheusPort}`,
      `--web.external-url=${prometheusUrl}`,
      '--web.enable-lifecycle',
      // A reload forgets the Alertmanagers for a moment, and alerts that fire then are dropped
      // until the next resend: every evaluation, rather than a minute later.
      `--rules.alert.resend-delay=${evaluationIntervalSeconds}s`,
    ]);
    await Promise.all(
      (
        [
          ['alertmanager', alertmanagerUrl],
          ['prometheus', prometheusUrl],
        ] as const
      ).map(([name, url]) =>
        waitFor(
          `${name} (log: ${group.logFile(name)})`,
          async () => (await fetch(`${url}/-/ready`)).ok,
          READY_TIMEOUT_MS,
          () => group.isRunning(name),
        ),
      ),
    );
  } catch (error) {
    // The logs go with a temporary directory: the error carries their end.
    const logs = (['alertmanager', 'prometheus'] as const)
      .map(name => `${name}: ${logTail(group.logFile(name))}`)
      .join('\n');
    await stop();
    throw new Error(
      `${error instanceof Error ? error.message : error}\n${logs}`,
    );
  }
  return { prometheusUrl, alertmanagerUrl, ruleDirectory, logDir, stop };
}

function logTail(path: string, lines = 10): string {
  if (!existsSync(path)) return '(no log)';
  return readFileSync(path, 'utf8')
    .trimEnd()
    .split('\n')
    .slice(-lines)
    .join('\n');
}
