import type {
  PolicyReplay,
  PolicySimulation,
} from '@meschain/backstage-plugin-scaling-common';

/** Minutes as hours with one decimal, e.g. 186 → `3.1 h`. */
export function formatHours(minutes: number): string {
  return `${(minutes / 60).toFixed(1)} h`;
}

/** An amount in whole units of its currency, e.g. `$210`. */
export function formatMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency,
    maximumFractionDigits: 0,
  }).format(amount);
}

function costClause(current: PolicyReplay, candidate: PolicyReplay): string {
  if (!current.cost || !candidate.cost) return '';
  const difference = candidate.cost.perMonth - current.cost.perMonth;
  const amount = formatMoney(Math.abs(difference), candidate.cost.currency);
  if (amount === formatMoney(0, candidate.cost.currency)) {
    return ' at the same cost';
  }
  return difference < 0
    ? ` and saved ${amount}/month`
    : ` and cost ${amount}/month more`;
}

/**
 * The what-if in one sentence: the candidate's time above target against the
 * live policy's, and what it would have saved or cost, per month.
 */
export function whatIfSummary(simulation: PolicySimulation): string {
  const { current, candidate } = simulation;
  const candidateHours = formatHours(candidate.minutesAboveTarget);
  if (!current) {
    const cost = candidate.cost
      ? ` and cost ${formatMoney(
          candidate.cost.perMonth,
          candidate.cost.currency,
        )}/month`
      : '';
    return `The candidate would have run ${candidateHours} above target${cost}.`;
  }
  return `The candidate would have run ${candidateHours} above target instead of ${formatHours(
    current.minutesAboveTarget,
  )}${costClause(current, candidate)}.`;
}
