import Typography from '@material-ui/core/Typography';
import { ScalingGuardRails } from '@meschain/backstage-plugin-scaling-common';
import { useState } from 'react';
import { useScalingActions } from '../../hooks';
import { ConfirmWrite, WriteTarget, writeTargetOf } from '../ConfirmWrite';
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
  const problem = replicaCountProblem(replicas, guardRails);

  const scale = async () => {
    const result = await actions.scale({
      ...writeTargetOf(target),
      replicas,
      resourceVersion: workload.resourceVersion,
    });
    return `Scaled ${workload.name} in ${result.region} from ${result.before} to ${result.after} replicas`;
  };

  return (
    <ConfirmWrite
      confirmDisabled={Boolean(problem) || replicas === from}
      onConfirm={scale}
      onClose={onClose}
      onChanged={onChanged}
    >
      <WriteTarget target={target} />
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
