import Button from '@material-ui/core/Button';
import DialogActions from '@material-ui/core/DialogActions';

/**
 * A form dialog's Cancel and submit buttons. Submitting marks the form as
 * attempted, so its problems show, and sends it only when it is valid.
 */
export function FormDialogActions(props: {
  submitLabel: string;
  busy: boolean;
  valid: boolean;
  onAttempt: () => void;
  onSubmit: () => void;
  onCancel: () => void;
}) {
  const { submitLabel, busy, valid, onAttempt, onSubmit, onCancel } = props;
  return (
    <DialogActions>
      <Button onClick={onCancel}>Cancel</Button>
      <Button
        variant="contained"
        color="primary"
        disabled={busy}
        onClick={() => {
          onAttempt();
          if (valid) {
            onSubmit();
          }
        }}
      >
        {submitLabel}
      </Button>
    </DialogActions>
  );
}
