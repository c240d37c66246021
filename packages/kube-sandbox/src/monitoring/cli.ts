import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadFleet } from '../cluster/fleet';
import { startMonitoring } from './startMonitoring';

const USAGE = `Usage: monitoring [options]

Runs Prometheus and Alertmanager for the local portal: Prometheus scrapes every cluster of the
sandbox's fleet and loads the portal's alert rules; Alertmanager notifies the portal's webhook.

  --sandbox URL              the sandbox (default http://127.0.0.1:8090)
  --fleet FILE               fleet whose clusters are scraped (default: the package's)
  --prometheus-port N        (default 9090)
  --alertmanager-port N      (default 9093)
  --data DIR                 TSDB, Alertmanager state and logs (default .data/monitoring)
  --rules DIR                rule files the portal writes (default .data/prometheus/rules)
  --scrape-interval S        seconds (default 5)
  --evaluation-interval S    seconds (default 5)
  --webhook URL              (default http://127.0.0.1:7007/api/scaling/alerts/webhook)
  --help                     show this text

The webhook's bearer token is ALERTMANAGER_WEBHOOK_TOKEN, or app-config.yaml's local default.
`;

/** app-config.yaml's default of `${ALERTMANAGER_WEBHOOK_TOKEN}`, for local development only. */
const LOCAL_WEBHOOK_TOKEN = 'local-alertmanager-webhook-token';

/** Runs until SIGINT or SIGTERM. */
export async function main(
  argv: string[] = process.argv.slice(2),
): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      sandbox: { type: 'string', default: 'http://127.0.0.1:8090' },
      fleet: { type: 'string' },
      'prometheus-port': { type: 'string', default: '9090' },
      'alertmanager-port': { type: 'string', default: '9093' },
      data: { type: 'string', default: '.data/monitoring' },
      rules: { type: 'string', default: '.data/prometheus/rules' },
      'scrape-interval': { type: 'string', default: '5' },
      'evaluation-interval': { type: 'string', default: '5' },
      webhook: {
        type: 'string',
        default: 'http://127.0.0.1:7007/api/scaling/alerts/webhook',
      },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  // `yarn monitoring` runs in this package's directory; relative paths are meant from the repository root.
  const cwd = process.env.PROJECT_CWD ?? process.cwd();
  const fleet = values.fleet
    ? loadFleet(resolve(cwd, values.fleet))
    : loadFleet();
  const sandbox = values.sandbox.replace(/\/$/, '');
  const monitoring = await startMonitoring({
    scrapeUrls: fleet.clusters.map(
      cluster =>
        `${sandbox}/clusters/${encodeURIComponent(cluster.name)}/metrics`,
    ),
    webhook: {
      url: values.webhook,
      bearerToken:
        process.env.ALERTMANAGER_WEBHOOK_TOKEN ?? LOCAL_WEBHOOK_TOKEN,
    },
    scrapeIntervalSeconds: positive(
      'scrape-interval',
      values['scrape-interval'],
    ),
    evaluationIntervalSeconds: positive(
      'evaluation-interval',
      values['evaluation-interval'],
    ),
    // Alertmanager's defaults are 30 s / 5 min; shorter here so that a demo's alert arrives while
    // one watches, and the detection time is mostly Prometheus' own.
    groupWaitSeconds: 5,
    groupIntervalSeconds: 30,
    repeatIntervalSeconds: 4 * 3600,
    prometheusPort: port('prometheus-port', values['prometheus-port']),
    alertmanagerPort: port('alertmanager-port', values['alertmanager-port']),
    dataDir: resolve(cwd, values.data),
    ruleDirectory: resolve(cwd, values.rules),
  });
  process.stdout.write(
    [
      `Prometheus ${monitoring.prometheusUrl} scraping ${fleet.clusters.length} clusters of ${sandbox}`,
      `Alertmanager ${monitoring.alertmanagerUrl} notifying ${values.webhook}`,
      `rules from ${monitoring.ruleDirectory}; logs in ${monitoring.logDir}`,
      '',
    ].join('\n'),
  );

  const stop = () => {
    monitoring.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function port(name: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0 || n > 65535)
    throw new Error(`--${name} must be a port number, got "${value}"`);
  return n;
}

function positive(name: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new Error(
      `--${name} must be a whole number of seconds, got "${value}"`,
    );
  return n;
}
