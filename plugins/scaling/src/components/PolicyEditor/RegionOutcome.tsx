import { StatusError, StatusOK } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { PolicyApplyRegionResult } from '@meschain/backstage-plugin-scaling-common';
import { describeOutcome } from './outcomeLabels';

/** The region's name and what the apply (or dry run) did there. */
export function RegionOutcome(props: {
  result: PolicyApplyRegionResult;
  dryRun: boolean;
}) {
  const { result, dryRun } = props;
  const text = describeOutcome(result, dryRun);
  return (
    <Typography variant="subtitle2" component="h4">
      {result.region}
      {result.cluster ? ` (${result.cluster})` : ''}:{' '}
      {result.outcome === 'failed' ? (
        <StatusError>{text}</StatusError>
      ) : (
        <StatusOK>{text}</StatusOK>
      )}
    </Typography>
  );
}
