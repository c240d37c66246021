import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { ScalingGuardRails } from '@meschain/backstage-plugin-scaling-common';
import { useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { useScalingActions } from '../../hooks';
import { readNumberField, showNumberField } from '../readNumberField';
import { WriteErrorAlert } from '../WriteErrorAlert';
import { describeGuardRails, replicaCountProblem } from './replicaLimits';
import { ScaleTarget } from './ScaleTarget';

/** Sets a workload's replicas through `/scale`, with its resourceVersion. */
export function ReplicasForm(props: {
  target: ScaleTarget;
  guardRails: ScalingGuardRails;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { target, guardRails, onClose, onChanged } = props;
  const { workload } = target;
  const from = workload.replicas.desired;
  const [replicas, setReplicas] = useState(from);
  const actions = useScalingActions();
  const alertApi = useApi(alertApiRef);
  const problem = replicaCountProblem(replicas, guardRails);

  const [{ loading, error }, submit] = useAsyncFn(async () => {
    const result = await actions.scale({
      cluster: target.cluster,
      workload: {
        kind: workload.kind,
        namespace: workload.namespace,
        name: workload.name,
      },
      replicas,
      resourceVersion: workload.resourceVersion,
    });
    alertApi.post({
      message: `Scaled ${workload.name} in ${result.region} from ${result.before} to ${result.after} replicas`,
      severity: 'success',
      display: 'transient',
    });
    onChanged();
    onClose();
  }, [actions, target, replicas, alertApi, onChanged, onClose]);

  const reload = () => {
    onChanged();
    onClose();
  };

  return (
    <>
      <DialogContent>
        <Typography paragraph>
          {workload.kind} <strong>{workload.name}</strong> in{' '}
          {workload.namespace}, cluster {target.cluster}
        </Typography>
        <TextField
          id="scaling-replicas"
          label="Replicas"
          type="number"
          value={showNumberField(replicas)}
          onChange={event => setReplicas(readNumberField(event.target.value))}
          error={Boolean(problem)}
          helperText={problem ?? describeGuardRails(guardRails)}
          inputProps={{ min: 0, max: guardRails.maxReplicas, step: 1 }}
          fullWidth
        />
        <Typography paragraph style={{ marginTop: 16 }}>
          Change: <strong>{from}</strong> →{' '}
          <strong>{showNumberField(replicas) || '?'}</strong> replicas
        </Typography>
        {error && <WriteErrorAlert error={error} onReload={reload} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={Boolean(problem) || replicas === from || loading}
          onClick={submit}
        >
          Confirm
        </Button>
      </DialogActions>
    </>
  );
}
