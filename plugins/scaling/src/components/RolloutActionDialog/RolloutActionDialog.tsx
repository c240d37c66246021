import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import { ReactNode } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { WriteErrorAlert } from '../WriteErrorAlert';

/** The props of {@link RolloutActionDialog}. */
export interface RolloutActionDialogProps {
  /** The question, e.g. "Promote order-service in eu-west?". */
  title: string;
  /** What the action will do to the cluster, in the user's terms. */
  children: ReactNode;
  /** The confirm button's label, naming the action. */
  confirmLabel: string;
  /** While the input the action needs is missing or invalid. */
  confirmDisabled?: boolean;
  /** Sends the action; the dialog closes when it resolves and shows why when it throws. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
  /** Called after the action, and on "Reload", so the views read the clusters again. */
  onChanged: () => void;
}

/** Asks before a rollout action, says what it will do, and shows the backend's refusal. */
export function RolloutActionDialog(props: RolloutActionDialogProps) {
  const {
    title,
    children,
    confirmLabel,
    confirmDisabled,
    onConfirm,
    onClose,
    onChanged,
  } = props;
  const titleId = 'scaling-rollout-action-title';
  const [{ loading, error }, confirm] = useAsyncFn(async () => {
    await onConfirm();
    onChanged();
    onClose();
  }, [onConfirm, onChanged, onClose]);
  const reload = () => {
    onChanged();
    onClose();
  };

  return (
    <Dialog
      open
      onClose={onClose}
      aria-labelledby={titleId}
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        {children}
        {error && <WriteErrorAlert error={error} onReload={reload} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={loading || confirmDisabled}
          onClick={confirm}
        >
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
