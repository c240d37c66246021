import { StatusError, StatusOK } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import {
  ALL_REGIONS,
  PolicyDeleteRegionResult,
} from '@meschain/backstage-plugin-scaling-common';
import { useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { useScalingActions } from '../../hooks';
import { WriteErrorAlert } from '../WriteErrorAlert';

const outcomeLabels: Record<PolicyDeleteRegionResult['outcome'], string> = {
  deleted: 'HPA deleted',
  absent: 'No HPA to delete',
  failed: 'Failed',
};

function DeleteOutcome({ result }: { result: PolicyDeleteRegionResult }) {
  const text = `${result.region}: ${outcomeLabels[result.outcome]}${
    result.error ? `: ${result.error.message}` : ''
  }`;
  return result.outcome === 'failed' ? (
    <StatusError>{text}</StatusError>
  ) : (
    <StatusOK>{text}</StatusOK>
  );
}

/** Deletes the policy's HPA from the chosen regions, after confirmation. */
export function PolicyDeleteSection(props: {
  regions: string[];
  disabled: boolean;
  onChanged: () => void;
}) {
  const { regions, disabled, onChanged } = props;
  const actions = useScalingActions();
  const [confirming, setConfirming] = useState(false);
  const [request, remove] = useAsyncFn(async () => {
    setConfirming(false);
    const result = await actions.deletePolicy(regions);
    onChanged();
    return result;
  }, [actions, regions, onChanged]);
  const where = regions.includes(ALL_REGIONS)
    ? 'all regions'
    : regions.join(', ');

  return (
    <section aria-label="Delete policy">
      <Box display="flex" alignItems="center" style={{ gap: 8 }}>
        {confirming ? (
          <>
            <Typography variant="body2">
              Delete the HPA in {where}? Replicas stay where they are.
            </Typography>
            <Button size="small" onClick={() => setConfirming(false)}>
              Keep it
            </Button>
            <Button
              size="small"
              variant="contained"
              color="secondary"
              onClick={remove}
            >
              Confirm delete
            </Button>
          </>
        ) : (
          <Button
            size="small"
            variant="outlined"
            color="secondary"
            disabled={disabled || regions.length === 0 || request.loading}
            onClick={() => setConfirming(true)}
          >
            Delete policy
          </Button>
        )}
      </Box>
      {request.error && (
        <WriteErrorAlert error={request.error} onReload={onChanged} />
      )}
      {request.value?.results.map(result => (
        <DeleteOutcome key={result.region} result={result} />
      ))}
    </section>
  );
}
