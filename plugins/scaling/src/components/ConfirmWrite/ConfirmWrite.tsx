import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import { ReactNode } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { WriteErrorAlert } from '../WriteErrorAlert';

/** The props of {@link ConfirmWrite}. */
export interface ConfirmWriteProps {
  /** What the write will do, in the user's terms. */
  children: ReactNode;
  /** The confirm button's label. */
  confirmLabel?: string;
  /** While the input the write needs is missing, invalid or unchanged. */
  confirmDisabled?: boolean;
  /**
   * Sends the write and resolves to what it did, shown as a passing alert;
   * the dialog then closes. When it throws, the dialog shows why.
   */
  onConfirm: () => Promise<string>;
  onClose: () => void;
  /** Called after the write, and on "Reload", so the views read the clusters again. */
  onChanged: () => void;
}

/**
 * A dialog's content and actions around one write: Cancel, or Confirm to
 * send it. A refusal stays in the dialog, with a reload for a conflict.
 */
export function ConfirmWrite(props: ConfirmWriteProps) {
  const {
    children,
    confirmLabel = 'Confirm',
    confirmDisabled,
    onConfirm,
    onClose,
    onChanged,
  } = props;
  const alertApi = useApi(alertApiRef);
  const [{ loading, error }, confirm] = useAsyncFn(async () => {
    const message = await onConfirm();
    alertApi.post({ message, severity: 'success', display: 'transient' });
    onChanged();
    onClose();
  }, [onConfirm, onChanged, onClose, alertApi]);
  const reload = () => {
    onChanged();
    onClose();
  };

  return (
    <>
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
    </>
  );
}
