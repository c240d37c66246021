import {
  AlertRuleSpec,
  SignalCondition,
} from '@meschain/backstage-plugin-scaling-common';
import { formatSignal, signalLabels } from '../Health/signalFormat';

function describeCondition(condition: SignalCondition): string {
  const { signal, comparison, value, window } = condition;
  const over = window ? ` over ${window}` : '';
  return `${signalLabels[signal]}${over} ${comparison} ${formatSignal(
    signal,
    value,
  )}`;
}

/** A rule's condition in words, e.g. "Errors above 1.0 % for 5m". */
export function describeRule(rule: AlertRuleSpec): string {
  const holding = rule.for === '0s' ? '' : ` for ${rule.for}`;
  switch (rule.kind) {
    case 'threshold':
      return `${describeCondition(rule.threshold)}${holding}`;
    case 'composite':
      return `${rule.conditions
        .map(describeCondition)
        .join(' and ')}${holding}`;
    default: {
      const { anomaly } = rule;
      const signal = signalLabels[anomaly.signal];
      if (anomaly.method === 'zScore') {
        return `${signal} ${anomaly.zScore} standard deviations ${anomaly.comparison} the same hour last week${holding}`;
      }
      return `${signal} heading ${anomaly.comparison} ${formatSignal(
        anomaly.signal,
        anomaly.value,
      )} within ${anomaly.horizon} (trend of the last ${
        anomaly.lookback
      })${holding}`;
    }
  }
}
