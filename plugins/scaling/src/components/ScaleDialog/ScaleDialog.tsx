import { Progress } from '@backstage/core-components';
import Dialog from '@material-ui/core/Dialog';
import DialogTitle from '@material-ui/core/DialogTitle';
import { ScalingGuardRails } from '@meschain/backstage-plugin-scaling-common';
import { AutoscalerBoundsForm } from './AutoscalerBoundsForm';
import { ReplicasForm } from './ReplicasForm';
import { ScaleTarget } from './ScaleTarget';

/** The props of {@link ScaleDialog}. */
export interface ScaleDialogProps {
  /** The workload to scale; the dialog is closed while unset. */
  target?: ScaleTarget;
  /** Absent while the options load. */
  guardRails?: ScalingGuardRails;
  onClose: () => void;
  /** Called after a write, and on "Reload", so the views read the clusters again. */
  onChanged: () => void;
}

/**
 * Scales one workload in one region after confirmation. When an HPA owns the
 * workload, it edits the HPA's minimum and maximum instead.
 */
export function ScaleDialog(props: ScaleDialogProps) {
  const { target, guardRails, onClose, onChanged } = props;
  const titleId = 'scaling-scale-dialog-title';
  const autoscaler = target?.workload.autoscaler;

  let body = <Progress />;
  if (target && guardRails) {
    const form = { target, guardRails, onClose, onChanged };
    body = autoscaler ? (
      <AutoscalerBoundsForm {...form} autoscaler={autoscaler} />
    ) : (
      <ReplicasForm {...form} />
    );
  }

  return (
    <Dialog
      open={Boolean(target)}
      onClose={onClose}
      aria-labelledby={titleId}
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle id={titleId}>
        {target &&
          `${autoscaler ? 'Change the autoscaling bounds of' : 'Scale'} ${
            target.workload.name
          } in ${target.region}`}
      </DialogTitle>
      {body}
    </Dialog>
  );
}
