import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import {
  EntityScalingState,
  FleetCell,
} from '@meschain/backstage-plugin-scaling-common';
import { ReactNode } from 'react';
import {
  useEntityScalingState,
  useScalingOptions,
  useScalingPermissions,
} from '../../hooks';
import { ScaleDialog, ScaleTarget } from '../ScaleDialog';

/** The workload a fleet cell stands for: the first in the cell's cluster. */
export function scaleTargetOf(
  state: EntityScalingState | undefined,
  cell: FleetCell,
): ScaleTarget | undefined {
  const cluster = state?.clusters.find(
    candidate =>
      candidate.region === cell.region && candidate.cluster === cell.cluster,
  );
  const workload = cluster?.workloads?.[0];
  return cluster?.cluster && workload
    ? { region: cluster.region, cluster: cluster.cluster, workload }
    : undefined;
}

function Waiting(props: {
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Dialog
      open
      onClose={props.onClose}
      aria-labelledby="fleet-scale-title"
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle id="fleet-scale-title">{props.title}</DialogTitle>
      <DialogContent>{props.children}</DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}

/**
 * Scales the service of the page's entity in a fleet cell's region, with the
 * Scaling tab's dialog and write, once its live workload is read.
 */
export function FleetScaleDialog(props: {
  serviceName: string;
  cell: FleetCell;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { serviceName, cell, onClose, onChanged } = props;
  const scaling = useEntityScalingState();
  const options = useScalingOptions();
  const { replicas: access } = useScalingPermissions();
  const target = scaleTargetOf(scaling.value, cell);
  const title = `Scale ${serviceName} in ${cell.region}`;

  if (scaling.error || options.error) {
    return (
      <Waiting title={title} onClose={onClose}>
        <ResponseErrorPanel error={(scaling.error ?? options.error)!} />
      </Waiting>
    );
  }
  if (!scaling.value || access.loading) {
    return (
      <Waiting title={title} onClose={onClose}>
        <Progress />
      </Waiting>
    );
  }
  if (!access.allowed) {
    return (
      <Waiting title={title} onClose={onClose}>
        <Alert severity="warning">{access.reason}</Alert>
      </Waiting>
    );
  }
  if (!target) {
    return (
      <Waiting title={title} onClose={onClose}>
        <Alert severity="info">
          {`No workload of ${serviceName} runs in cluster ${cell.cluster} now.`}
        </Alert>
      </Waiting>
    );
  }
  return (
    <ScaleDialog
      // A new resourceVersion starts the form again, as on the Scaling tab.
      key={target.workload.resourceVersion}
      target={target}
      guardRails={options.value?.guardRails}
      onClose={onClose}
      onChanged={onChanged}
    />
  );
}
