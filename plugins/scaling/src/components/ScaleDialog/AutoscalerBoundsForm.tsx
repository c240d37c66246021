import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  AutoscalerState,
  ScalingGuardRails,
} from '@meschain/backstage-plugin-scaling-common';
import { useState } from 'react';
import { useScalingActions } from '../../hooks';
import { ConfirmWrite, writeTargetOf } from '../ConfirmWrite';
import { showNumberField } from '../readNumberField';
import { describeGuardRails, replicaCountProblem } from './replicaLimits';
import { ReplicaCountField } from './ReplicaCountField';
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

  const minProblem =
    replicaCountProblem(min, guardRails) ??
    (min > max ? `Must be at most the maximum (${max})` : undefined);
  const maxProblem =
    replicaCountProblem(max, guardRails) ??
    (max < 1 ? 'Must be at least 1' : undefined);
  const unchanged =
    min === autoscaler.minReplicas && max === autoscaler.maxReplicas;

  const setBounds = async () => {
    const result = await actions.setAutoscalerBounds({
      ...writeTargetOf(target),
      minReplicas: min,
      maxReplicas: max,
    });
    return `HPA ${result.hpa} in ${result.region} now scales between ${result.after.min} and ${result.after.max} replicas`;
  };

  return (
    <ConfirmWrite
      confirmDisabled={Boolean(minProblem || maxProblem) || unchanged}
      onConfirm={setBounds}
      onClose={onClose}
      onChanged={onChanged}
    >
      <Alert severity="info" style={{ marginBottom: 16 }}>
        HorizontalPodAutoscaler {autoscaler.name} owns the replicas of{' '}
        {workload.name} (now {workload.replicas.desired}). Change its minimum
        and maximum instead.
      </Alert>
      <Grid container spacing={2}>
        <Grid item xs={6}>
          <ReplicaCountField
            id="scaling-minimum-replicas"
            label="Minimum replicas"
            value={min}
            onChange={setMin}
            problem={minProblem}
            min={0}
          />
        </Grid>
        <Grid item xs={6}>
          <ReplicaCountField
            id="scaling-maximum-replicas"
            label="Maximum replicas"
            value={max}
            onChange={setMax}
            problem={maxProblem}
            min={1}
            max={guardRails.maxReplicas}
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
    </ConfirmWrite>
  );
}
