import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import { errorMessage, isConflict } from '../responseErrors';

/**
 * Why a write failed, in the backend's words. A conflict (a stale view, or an
 * HPA that owns the replicas) offers to reload.
 */
export function WriteErrorAlert(props: { error: Error; onReload: () => void }) {
  const { error, onReload } = props;
  const conflict = isConflict(error);
  return (
    <Alert
      severity="error"
      role="alert"
      action={
        conflict ? (
          <Button color="inherit" size="small" onClick={onReload}>
            Reload
          </Button>
        ) : undefined
      }
    >
      {errorMessage(error)}
      {conflict && ' Reload to see the current state, then try again.'}
    </Alert>
  );
}
