import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import Alert from '@material-ui/lab/Alert';
import { ScalingControlAccess } from '../../hooks';
import { DataAge } from '../DataAge';

/** Says which controls the user may not use and why, and opens the policy editor. */
export function ScalingToolbar(props: {
  replicas: ScalingControlAccess;
  policy: ScalingControlAccess;
  /** Why the editor cannot open yet, e.g. while the options load. */
  editorUnavailable?: string;
  /** When the replicas and HPAs shown were read. */
  readAt?: number;
  onEditPolicy: () => void;
}) {
  const { replicas, policy, editorUnavailable, readAt, onEditPolicy } = props;
  const denied = [replicas, policy].filter(
    access => !access.allowed && !access.loading,
  );
  const editReason = policy.reason ?? editorUnavailable;
  const editButton = (
    <Button
      variant="contained"
      color="primary"
      disabled={Boolean(editReason)}
      onClick={onEditPolicy}
    >
      Edit policy
    </Button>
  );
  return (
    <Box mb={2}>
      {denied.length > 0 && (
        <Alert severity="info" style={{ marginBottom: 16 }}>
          {denied.map(access => (
            <div key={access.reason}>{access.reason}</div>
          ))}
        </Alert>
      )}
      <Box
        display="flex"
        justifyContent="flex-end"
        alignItems="center"
        style={{ gap: 16 }}
      >
        <DataAge readAt={readAt} />
        {editReason ? (
          <Tooltip title={editReason}>
            <span>{editButton}</span>
          </Tooltip>
        ) : (
          editButton
        )}
      </Box>
    </Box>
  );
}
