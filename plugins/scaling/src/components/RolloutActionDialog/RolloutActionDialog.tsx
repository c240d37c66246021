import Dialog from '@material-ui/core/Dialog';
import DialogTitle from '@material-ui/core/DialogTitle';
import { ConfirmWrite, ConfirmWriteProps } from '../ConfirmWrite';

/** The props of {@link RolloutActionDialog}. */
export interface RolloutActionDialogProps extends ConfirmWriteProps {
  /** The question, e.g. "Promote order-service in eu-west?". */
  title: string;
  /** The confirm button's label, naming the action. */
  confirmLabel: string;
}

/** Asks before a rollout action, says what it will do, and shows the backend's refusal. */
export function RolloutActionDialog(props: RolloutActionDialogProps) {
  const { title, ...write } = props;
  const titleId = 'scaling-rollout-action-title';
  return (
    <Dialog
      open
      onClose={props.onClose}
      aria-labelledby={titleId}
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <ConfirmWrite {...write} />
    </Dialog>
  );
}
