import {
  PolicyApplyOutcome,
  PolicyApplyRegionResult,
} from '@meschain/backstage-plugin-scaling-common';

const applied: Record<PolicyApplyOutcome, string> = {
  created: 'HPA created',
  updated: 'HPA updated',
  unchanged: 'Already up to date',
  failed: 'Failed',
};

const previewed: Record<PolicyApplyOutcome, string> = {
  created: 'Would create the HPA',
  updated: 'Would update the HPA',
  unchanged: 'No change',
  failed: 'Failed',
};

/** What happened, or in a dry run would happen, in one region. */
export function describeOutcome(
  result: PolicyApplyRegionResult,
  dryRun: boolean,
): string {
  const label = (dryRun ? previewed : applied)[result.outcome];
  return result.error ? `${label}: ${result.error.message}` : label;
}
