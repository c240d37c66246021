import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  AutoscalerState,
  ScalingGuardRails,
} from '@meschain/backstage-plugin-scaling-common';
import { useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { useScalingActions } from '../../hooks';
import { readNumberField, showNumberField } from '../readNumberField';
import { WriteErrorAlert } from '../WriteErrorAlert';
import { describeGuardRails, replicaCountProblem } from './replicaLimits';
import { ScaleTarget } from './ScaleTarget';

/** Changes the min and max of the HPA that owns a workload's replicas. */
export function AutoscalerBoundsForm(props: {
  target: ScaleTarget;
  autoscaler: AutoscalerState;
  guardRails: ScalingGuardRails;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { target, autoscaler, guardRails, onClose, onChanged } = props;
  const { workload } = target;
  const [min, setMin] = useState(autoscaler.minReplicas);
  const [max, setMax] = useState(autoscaler.maxReplicas);
  const actions = useScalingActions();
  const alertApi = useApi(alertApiRef);

  const minProblem =
    replicaCountProblem(min, guardRails) ??
    (min > max ? `Must be at most the maximum (${max})` : undefined);
  const maxProblem =
    replicaCountProblem(max, guardRails) ??
    (max < 1 ? 'Must be at least 1' : undefined);
  const unchanged =
    min === autoscaler.minReplicas && max === autoscaler.maxReplicas;

  const [{ loading, error }, submit] = useAsyncFn(async () => {
    const result = await actions.setAutoscalerBounds({
      cluster: target.cluster,
      workload: {
        kind: workload.kind,
        namespace: workload.namespace,
        name: workload.name,
      },
      minReplicas: min,
      maxReplicas: max,
    });
    alertApi.post({
      message: `HPA ${result.hpa} in ${result.region} now scales between ${result.after.min} and ${result.after.max} replicas`,
      severity: 'success',
      display: 'transient',
    });
    onChanged();
    onClose();
  }, [actions, target, min, max, alertApi, onChanged, onClose]);

  const reload = () => {
    onChanged();
    onClose();
  };

  return (
    <>
      <DialogContent>
        <Alert severity="info" style={{ marginBottom: 16 }}>
          HorizontalPodAutoscaler {autoscaler.name} owns the replicas of{' '}
          {workload.name} (now {workload.replicas.desired}). Change its minimum
          and maximum instead.
        </Alert>
        <Grid container spacing={2}>
          <Grid item xs={6}>
            <TextField
              id="scaling-minimum-replicas"
              label="Minimum replicas"
              type="number"
              value={showNumberField(min)}
              onChange={event => setMin(readNumberField(event.target.value))}
              error={Boolean(minProblem)}
              helperText={minProblem}
              inputProps={{ min: 0, step: 1 }}
              fullWidth
            />
          </Grid>
          <Grid item xs={6}>
            <TextField
              id="scaling-maximum-replicas"
              label="Maximum replicas"
              type="number"
              value={showNumberField(max)}
              onChange={event => setMax(readNumberField(event.target.value))}
              error={Boolean(maxProblem)}
              helperText={maxProblem}
              inputProps={{ min: 1, max: guardRails.maxReplicas, step: 1 }}
              fullWidth
            />
          </Grid>
        </Grid>
        <Typography paragraph variant="body2" style={{ marginTop: 16 }}>
          Change: {autoscaler.minReplicas} to {autoscaler.maxReplicas} →{' '}
          <strong>
            {showNumberField(min) || '?'} to {showNumberField(max) || '?'}
          </strong>{' '}
          replicas. {describeGuardRails(guardRails)}
        </Typography>
        {error && <WriteErrorAlert error={error} onReload={reload} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={Boolean(minProblem || maxProblem) || unchanged || loading}
          onClick={submit}
        >
          Confirm
        </Button>
      </DialogActions>
    </>
  );
}
