import Button from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';
import { RolloutActionName } from '@meschain/backstage-plugin-scaling-common';
import { ScalingControlAccess } from '../../hooks';
import { rolloutActionLabels } from './rolloutLabels';
import { RolloutTarget } from './RolloutTarget';

const useStyles = makeStyles(theme => ({
  // Looks like a disabled button, but keeps hover and focus, so its tooltip
  // says why to mouse and keyboard users alike.
  unavailable: {
    '&&': {
      color: theme.palette.action.disabled,
      borderColor: theme.palette.action.disabledBackground,
      backgroundColor: 'transparent',
      boxShadow: 'none',
      cursor: 'default',
    },
    '&&.MuiButton-contained': {
      backgroundColor: theme.palette.action.disabledBackground,
    },
  },
}));

/**
 * A button for one action on one workload. When the user may not act or the
 * action does not apply now, it is marked `aria-disabled` and does nothing,
 * but stays in the tab order with the reason as its tooltip: a keyboard user
 * can read why, and keeps the focus when an action stops applying while the
 * rollout moves.
 */
export function RolloutActionButton(props: {
  target: RolloutTarget;
  action: RolloutActionName;
  access: ScalingControlAccess;
  onClick: () => void;
  /** Names the object of the action when it is not the workload, e.g. "to revision 2". */
  object?: string;
  /** Why the action does not apply now; the backend's `availableActions` decides. */
  unavailableReason?: string;
  /** What the action will do, shown on hover and focus while it is enabled. */
  description?: string;
}) {
  const { target, action, access, onClick, object, unavailableReason } = props;
  const classes = useStyles();
  const reason = access.reason ?? unavailableReason;
  const tooltip = reason ?? props.description;
  const label = rolloutActionLabels[action];
  const button = (
    <Button
      size="small"
      variant={action === 'promote' ? 'contained' : 'outlined'}
      color="primary"
      aria-disabled={reason ? true : undefined}
      className={reason ? classes.unavailable : undefined}
      disableRipple={Boolean(reason)}
      aria-label={`${label} ${target.workload.name} in ${target.region}${
        object ? ` ${object}` : ''
      }`}
      onClick={reason ? undefined : onClick}
    >
      {label}
    </Button>
  );
  return tooltip ? <Tooltip title={tooltip}>{button}</Tooltip> : button;
}
