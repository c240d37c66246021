import { Config } from '@backstage/config';
import { readPrometheusConfig } from '../Metrics';

/** Where alert rules are written and loaded, and the Alertmanager that routes their alerts: `scaling.alerts`. */
export interface AlertsSettings {
  /** The directory Prometheus loads `*.yml` rule files from. */
  ruleDirectory: string;
  /** The Prometheus that evaluates the rules, reloaded after each change. */
  prometheusUrl: string;
  alertmanagerUrl: string;
  /** The `promtool` executable that checks each rule file before it replaces the last. */
  promtool: string;
  /** The subject of the static external-access token Alertmanager calls the webhook with. */
  webhookSubject: string;
  timeoutMs: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;

const baseUrl = (url: string) => url.replace(/\/+$/, '');

/** The alert settings, or undefined when `scaling.alerts` is absent and alerting is off. */
export function readAlertsSettings(config: Config): AlertsSettings | undefined {
  const alerts = config.getOptionalConfig('scaling.alerts');
  if (!alerts) {
    return undefined;
  }
  const prometheusUrl =
    alerts.getOptionalString('prometheus.url') ??
    readPrometheusConfig(config).url;
  if (!prometheusUrl) {
    throw new Error(
      'scaling.alerts needs the Prometheus that evaluates the rules: set scaling.alerts.prometheus.url or scaling.metrics.prometheus.url',
    );
  }
  return {
    ruleDirectory: alerts.getString('ruleDirectory'),
    prometheusUrl: baseUrl(prometheusUrl),
    alertmanagerUrl: baseUrl(alerts.getString('alertmanager.url')),
    promtool: alerts.getOptionalString('promtool') ?? 'promtool',
    webhookSubject:
      alerts.getOptionalString('webhookSubject') ?? 'alertmanager',
    timeoutMs: alerts.getOptionalNumber('timeoutMs') ?? DEFAULT_TIMEOUT_MS,
  };
}
