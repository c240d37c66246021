import yaml from 'js-yaml';

/** Where Alertmanager delivers notifications: the portal's alert webhook. */
export interface WebhookReceiver {
  url: string;
  /** Sent as `Authorization: Bearer <token>`. */
  bearerToken?: string;
}

export interface PrometheusConfigOptions {
  /** Full URLs of exposition endpoints, e.g. `http://127.0.0.1:8090/clusters/eu-west/metrics`. */
  scrapeUrls: readonly string[];
  scrapeIntervalSeconds: number;
  evaluationIntervalSeconds: number;
  /** Prometheus loads every `*.yml` file of this directory as rules. */
  ruleDirectory: string;
  /** `host:port` of the Alertmanager alerts are sent to. */
  alertmanagerAddress: string;
}

/**
 * `prometheus.yml`: one job scraping every URL. The sandbox labels every sample with its cluster
 * and region, so the scrape keeps them (`honor_labels`) and only names the target by its URL.
 */
export function renderPrometheusConfig(
  options: PrometheusConfigOptions,
): string {
  const interval = `${options.scrapeIntervalSeconds}s`;
  return yaml.dump({
    global: {
      scrape_interval: interval,
      // A scrape may not take longer than the interval between two.
      scrape_timeout: `${Math.min(options.scrapeIntervalSeconds, 10)}s`,
      evaluation_interval: `${options.evaluationIntervalSeconds}s`,
    },
    rule_files: [`${options.ruleDirectory}/*.yml`],
    alerting: {
      alertmanagers: [
        { static_configs: [{ targets: [options.alertmanagerAddress] }] },
      ],
    },
    scrape_configs: [
      {
        job_name: 'kube-sandbox',
        honor_labels: true,
        static_configs: options.scrapeUrls.map(scrapeTarget),
      },
    ],
  });
}

function scrapeTarget(url: string): {
  targets: string[];
  labels: Record<string, string>;
} {
  const parsed = new URL(url);
  return {
    targets: [parsed.host],
    labels: {
      __scheme__: parsed.protocol.replace(/:$/, ''),
      __metrics_path__: parsed.pathname,
      // Every cluster shares the sandbox's host and port; the path tells the targets apart.
      instance: `${parsed.host}${parsed.pathname}`,
    },
  };
}

export interface AlertmanagerConfigOptions {
  webhook?: WebhookReceiver;
  groupWaitSeconds: number;
  groupIntervalSeconds: number;
  repeatIntervalSeconds: number;
}

/**
 * `alertmanager.yml`: every alert to the webhook, grouped per rule, service and region, a
 * critical alert (e.g. a paging burn rate) inhibiting the warning of the same rule, service and region.
 */
export function renderAlertmanagerConfig(
  options: AlertmanagerConfigOptions,
): string {
  const receiver = options.webhook
    ? {
        name: 'backstage',
        webhook_configs: [
          {
            url: options.webhook.url,
            send_resolved: true,
            ...(options.webhook.bearerToken
              ? {
                  http_config: {
                    authorization: {
                      type: 'Bearer',
                      credentials: options.webhook.bearerToken,
                    },
                  },
                }
              : {}),
          },
        ],
      }
    : { name: 'null' };
  return yaml.dump({
    route: {
      receiver: receiver.name,
      group_by: ['alertname', 'service', 'region'],
      group_wait: `${options.groupWaitSeconds}s`,
      group_interval: `${options.groupIntervalSeconds}s`,
      repeat_interval: `${options.repeatIntervalSeconds}s`,
    },
    receivers: [receiver],
    inhibit_rules: [
      {
        source_matchers: ['severity="critical"'],
        target_matchers: ['severity="warning"'],
        equal: ['alertname', 'service', 'region'],
      },
    ],
  });
}
