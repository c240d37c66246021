import {
  AlertComparison,
  AlertRule,
  AlertRuleKind,
  AlertRuleSpec,
  AlertSeverity,
  GoldenSignal,
  SignalCondition,
} from '@meschain/backstage-plugin-scaling-common';

/**
 * What the rule dialog holds: every kind's fields at once, so that switching
 * kind loses nothing, and empty strings for what the rule leaves out. Numbers
 * are in the API's units (ratios 0..1, seconds).
 */
export interface RuleDraft {
  name: string;
  severity: AlertSeverity;
  /** Empty for every region. */
  region: string;
  for: string;
  description: string;
  kind: AlertRuleKind;
  threshold: SignalCondition;
  anomaly: {
    method: 'zScore' | 'predictLinear';
    signal: GoldenSignal;
    comparison: AlertComparison;
    zScore: number;
    value: number;
    horizon: string;
    lookback: string;
  };
  conditions: SignalCondition[];
}

export const NEW_RULE: RuleDraft = {
  name: '',
  severity: 'warning',
  region: '',
  for: '5m',
  description: '',
  kind: 'threshold',
  threshold: { signal: 'errorRatio', comparison: 'above', value: 0.01 },
  anomaly: {
    method: 'zScore',
    signal: 'requestRate',
    comparison: 'above',
    zScore: 3,
    value: 0.9,
    horizon: '4h',
    lookback: '1h',
  },
  conditions: [
    { signal: 'errorRatio', comparison: 'above', value: 0.01 },
    { signal: 'latencyP95', comparison: 'above', value: 0.5 },
  ],
};

/** A condition as the API takes it: no empty window. */
function conditionOf(condition: SignalCondition): SignalCondition {
  const { window, ...rest } = condition;
  return window ? { ...rest, window } : rest;
}

/** The request body of a draft: the common fields and its kind's, nothing empty. */
export function specOf(draft: RuleDraft): AlertRuleSpec {
  const common = {
    name: draft.name,
    severity: draft.severity,
    for: draft.for,
    ...(draft.region ? { region: draft.region } : {}),
    ...(draft.description ? { description: draft.description } : {}),
  };
  switch (draft.kind) {
    case 'threshold':
      return {
        ...common,
        kind: 'threshold',
        threshold: conditionOf(draft.threshold),
      };
    case 'anomaly': {
      const { method, signal, comparison, zScore, value, horizon, lookback } =
        draft.anomaly;
      return {
        ...common,
        kind: 'anomaly',
        anomaly:
          method === 'zScore'
            ? { method, signal, comparison, zScore }
            : { method, signal, comparison, value, horizon, lookback },
      };
    }
    default:
      return {
        ...common,
        kind: 'composite',
        conditions: draft.conditions.map(conditionOf),
      };
  }
}

/** The dialog's draft of a stored rule; the other kinds' fields keep their defaults. */
export function draftOf(rule: AlertRule): RuleDraft {
  const draft: RuleDraft = {
    ...NEW_RULE,
    name: rule.name,
    severity: rule.severity,
    region: rule.region ?? '',
    for: rule.for,
    description: rule.description ?? '',
    kind: rule.kind,
  };
  if (rule.kind === 'threshold') {
    draft.threshold = rule.threshold;
  } else if (rule.kind === 'anomaly') {
    draft.anomaly = { ...NEW_RULE.anomaly, ...rule.anomaly };
  } else {
    draft.conditions = rule.conditions;
  }
  return draft;
}
