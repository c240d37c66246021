import type { GoldenSignal } from '../health';

/** @public How urgent an alert is; also the `severity` label Alertmanager routes on. */
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/** @public Every alert severity, most urgent first. */
export const ALERT_SEVERITIES = ['critical', 'warning', 'info'] as const;

/** @public Which side of its value a signal must be on for a condition to hold. */
export type AlertComparison = 'above' | 'below';

/** @public A golden signal over or under a value. */
export interface SignalCondition {
  signal: GoldenSignal;
  comparison: AlertComparison;
  /** In the signal's unit: req/s, a 0..1 ratio, or seconds. */
  value: number;
  /** The window the signal's rate is read over, e.g. `5m`. */
  window?: string;
}

/** @public The signal as many standard deviations from the same hour last week. */
export interface ZScoreAnomaly {
  method: 'zScore';
  signal: GoldenSignal;
  comparison: AlertComparison;
  /** How many standard deviations away, e.g. 3. */
  zScore: number;
}

/** @public The signal's trend over `lookback` reaching `value` within `horizon`. */
export interface PredictLinearAnomaly {
  method: 'predictLinear';
  signal: GoldenSignal;
  comparison: AlertComparison;
  value: number;
  /** How far ahead, e.g. `4h`. */
  horizon: string;
  /** How much history the trend is fitted to, e.g. `1h`. */
  lookback: string;
}

/** @public What every alert rule has, whatever its kind. */
export interface AlertRuleCommon {
  /** The alert's name in Prometheus and Alertmanager, e.g. `HighErrorRatio`. */
  name: string;
  severity: AlertSeverity;
  /** One region's series only; all regions together when absent. */
  region?: string;
  /** How long the condition must hold before the alert fires, e.g. `5m`. */
  for: string;
  description?: string;
}

/** @public An alert rule as an owner writes it, before it has an id. */
export type AlertRuleSpec = AlertRuleCommon &
  (
    | { kind: 'threshold'; threshold: SignalCondition }
    | { kind: 'anomaly'; anomaly: ZScoreAnomaly | PredictLinearAnomaly }
    | { kind: 'composite'; conditions: SignalCondition[] }
  );

/** @public The kinds of alert rule. */
export type AlertRuleKind = AlertRuleSpec['kind'];

/** @public An alert rule as stored for an entity. */
export type AlertRule = AlertRuleSpec & {
  id: string;
  entityRef: string;
  updatedBy: string;
  /** ISO 8601. */
  updatedAt: string;
};

/** @public A problem of an alert rule, named after the path of its field, e.g. `threshold.value`. */
export interface AlertRuleProblem {
  field: string;
  message: string;
}
