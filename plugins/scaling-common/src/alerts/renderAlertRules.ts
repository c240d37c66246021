import { stringify } from 'yaml';
import {
  burnRateAlertQuery,
  burnRateWindows,
  goldenSignalQuery,
  GoldenSignal,
  GoldenSignalSelector,
  ServiceSlo,
} from '../health';
import { durationSeconds } from './alertRuleSchema';
import type {
  AlertComparison,
  AlertRule,
  AlertRuleSpec,
  AlertSeverity,
  SignalCondition,
} from './types';

/** @public The service whose rules are rendered, and whom its alerts concern. */
export interface AlertedService {
  /** e.g. `component:default/checkout`. */
  entityRef: string;
  /** The `service` label of its series: its kubernetes-id. */
  service: string;
  /** The owner's entity ref, e.g. `group:default/payments`. */
  owner: string;
  namespace?: string;
}

/** @public Options of {@link renderAlertRuleFile}. */
export interface RenderAlertRulesOptions {
  /** The service's page in the portal, linked from every alert. */
  portalUrl?: string;
  /** The service's SLO, whose multi-window burn-rate alerts are rendered too. */
  slo?: ServiceSlo;
}

/** @public One alerting rule of a Prometheus rule group. */
export interface PrometheusAlertingRule {
  alert: string;
  expr: string;
  for?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/** @public A Prometheus rule file: `groups` of alerting rules. */
export interface PrometheusRuleFile {
  groups: Array<{ name: string; rules: PrometheusAlertingRule[] }>;
}

/** @public The alert name of a service's SLO burn-rate alerts. */
export const SLO_BURN_ALERT_NAME = 'SloErrorBudgetBurn';

const OPERATORS: Record<AlertComparison, string> = { above: '>', below: '<' };

/** The same hour last week, which a z-score compares the signal with. */
const BASELINE = '[1h:1m] offset 1w';

function signalQuery(
  signal: GoldenSignal,
  selector: GoldenSignalSelector,
  window?: string,
) {
  return `(${goldenSignalQuery(signal, selector, window)})`;
}

function conditionQuery(
  condition: SignalCondition,
  selector: GoldenSignalSelector,
) {
  const { signal, comparison, value, window } = condition;
  return `${signalQuery(signal, selector, window)} ${
    OPERATORS[comparison]
  } ${value}`;
}

/** PromQL that has a value while the rule's condition holds. */
function alertRuleQuery(
  rule: AlertRuleSpec,
  selector: GoldenSignalSelector,
): string {
  switch (rule.kind) {
    case 'threshold':
      return conditionQuery(rule.threshold, selector);
    case 'composite':
      return rule.conditions
        .map(condition => `(${conditionQuery(condition, selector)})`)
        .join(' and on() ');
    case 'anomaly': {
      const { anomaly } = rule;
      const signal = signalQuery(anomaly.signal, selector);
      const operator = OPERATORS[anomaly.comparison];
      if (anomaly.method === 'zScore') {
        const bound =
          anomaly.comparison === 'above' ? anomaly.zScore : -anomaly.zScore;
        return `(${signal} - avg_over_time(${signal}${BASELINE})) / stddev_over_time(${signal}${BASELINE}) ${operator} ${bound}`;
      }
      return `predict_linear(${signal}[${
        anomaly.lookback
      }:1m], ${durationSeconds(anomaly.horizon)}) ${operator} ${anomaly.value}`;
    }
    default:
      throw new Error(`Unknown alert rule kind in ${JSON.stringify(rule)}`);
  }
}

/** What the rule watches, e.g. `errorRatio above 0.05`. */
function describeCondition(rule: AlertRuleSpec): string {
  const condition = ({ signal, comparison, value }: SignalCondition) =>
    `${signal} ${comparison} ${value}`;
  switch (rule.kind) {
    case 'threshold':
      return condition(rule.threshold);
    case 'composite':
      return rule.conditions.map(condition).join(' and ');
    case 'anomaly':
      return rule.anomaly.method === 'zScore'
        ? `${rule.anomaly.signal} ${rule.anomaly.zScore} standard deviations ${rule.anomaly.comparison} the same hour last week`
        : `${rule.anomaly.signal} on course to be ${rule.anomaly.comparison} ${rule.anomaly.value} within ${rule.anomaly.horizon}`;
    default:
      return '';
  }
}

function serviceLabels(service: AlertedService, severity: AlertSeverity) {
  return {
    service: service.service,
    entity_ref: service.entityRef,
    owner: service.owner,
    severity,
  };
}

function linkAnnotation(
  options: RenderAlertRulesOptions,
): Record<string, string> {
  return options.portalUrl ? { portal_url: options.portalUrl } : {};
}

function renderRule(
  rule: AlertRule,
  service: AlertedService,
  options: RenderAlertRulesOptions,
): PrometheusAlertingRule {
  const selector = {
    service: service.service,
    namespace: service.namespace,
    region: rule.region,
  };
  const where = rule.region ? ` in ${rule.region}` : '';
  return {
    alert: rule.name,
    expr: alertRuleQuery(rule, selector),
    for: rule.for,
    labels: {
      ...serviceLabels(service, rule.severity),
      rule_id: rule.id,
      ...(rule.region && { region: rule.region }),
    },
    annotations: {
      summary: `${rule.name} on ${service.service}${where}: ${describeCondition(
        rule,
      )}`,
      description:
        rule.description ??
        `${describeCondition(rule)} for ${rule.for}${where}`,
      ...linkAnnotation(options),
    },
  };
}

const BURN_SEVERITIES = { page: 'critical', ticket: 'warning' } as const;

function renderBurnRateRules(
  service: AlertedService,
  slo: ServiceSlo,
  options: RenderAlertRulesOptions,
): PrometheusAlertingRule[] {
  const selector = { service: service.service, namespace: service.namespace };
  return burnRateWindows(slo.windowDays).map(window => ({
    alert: SLO_BURN_ALERT_NAME,
    expr: burnRateAlertQuery(window, selector, slo),
    labels: {
      ...serviceLabels(service, BURN_SEVERITIES[window.severity]),
      rule_id: `slo-burn-${window.longWindow}-${window.shortWindow}`,
      long_window: window.longWindow,
      short_window: window.shortWindow,
    },
    annotations: {
      summary: `${service.service} burns its ${slo.availability} % availability budget ${window.factor}× too fast over ${window.longWindow} and ${window.shortWindow}`,
      description: `At this rate ${Math.round(
        window.budgetConsumed * 100,
      )} % of the ${slo.windowDays}-day error budget is spent within ${
        window.longWindow
      }.`,
      ...linkAnnotation(options),
    },
  }));
}

/**
 * @public The Prometheus rule file of one service: a group of its alert rules,
 * and one of its SLO's burn-rate alerts when it has an SLO. Every alert is
 * labelled with the service, its entity, its owner, its severity and the rule
 * it comes from, which Alertmanager groups and routes on.
 */
export function renderAlertRuleFile(
  service: AlertedService,
  rules: readonly AlertRule[],
  options: RenderAlertRulesOptions = {},
): PrometheusRuleFile {
  const groups: PrometheusRuleFile['groups'] = [];
  if (rules.length > 0) {
    groups.push({
      name: `${service.entityRef} alert rules`,
      rules: rules.map(rule => renderRule(rule, service, options)),
    });
  }
  if (options.slo) {
    groups.push({
      name: `${service.entityRef} SLO burn rates`,
      rules: renderBurnRateRules(service, options.slo, options),
    });
  }
  return { groups };
}

/** @public The rule file as YAML, as Prometheus loads it. */
export function alertRuleFileYaml(file: PrometheusRuleFile): string {
  return stringify(file, { lineWidth: 0 });
}
