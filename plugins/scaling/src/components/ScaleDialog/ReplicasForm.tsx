import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import { ScalingGuardRails } from '@meschain/backstage-plugin-scaling-common';
import { useState } from 'react';
import { useScalingActions } from '../../hooks';
import { ConfirmWrite } from '../ConfirmWrite';
import { showNumberField } from '../readNumberField';
import { describeGuardRails, replicaCountProblem } from './replicaLimits';
import { ReplicaCountField } from './ReplicaCountField';
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

  const scale = async () => {
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
  };

  return (
    <ConfirmWrite
      confirmDisabled={Boolean(problem) || replicas === from}
      onConfirm={scale}
      onClose={onClose}
      onChanged={onChanged}
    >
      <Typography paragraph>
        {workload.kind} <strong>{workload.name}</strong> in {workload.namespace}
        , cluster {target.cluster}
      </Typography>
      <ReplicaCountField
        id="scaling-replicas"
        label="Replicas"
        value={replicas}
        onChange={setReplicas}
        problem={problem}
        hint={describeGuardRails(guardRails)}
        min={0}
        max={guardRails.maxReplicas}
      />
      <Typography paragraph style={{ marginTop: 16 }}>
        Change: <strong>{from}</strong> →{' '}
        <strong>{showNumberField(replicas) || '?'}</strong> replicas
      </Typography>
    </ConfirmWrite>
  );
}
