import Button from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import { RolloutActionName } from '@meschain/backstage-plugin-scaling-common';
import { ScalingControlAccess } from '../../hooks';
import { rolloutActionLabels } from './rolloutLabels';
import { RolloutTarget } from './RolloutTarget';

/**
 * A button for one action on one workload. It is disabled, with the reason as
 * its tooltip, when the user may not act or the action does not apply now.
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
  /** What the action will do, shown on hover while it is enabled. */
  description?: string;
}) {
  const { target, action, access, onClick, object, unavailableReason } = props;
  const reason = access.reason ?? unavailableReason;
  const tooltip = reason ?? props.description;
  const label = rolloutActionLabels[action];
  const button = (
    <Button
      size="small"
      variant={action === 'promote' ? 'contained' : 'outlined'}
      color="primary"
      disabled={Boolean(reason)}
      aria-label={`${label} ${target.workload.name} in ${target.region}${
        object ? ` ${object}` : ''
      }`}
      onClick={onClick}
    >
      {label}
    </Button>
  );
  return tooltip ? (
    <Tooltip title={tooltip}>
      <span>{button}</span>
    </Tooltip>
  ) : (
    button
  );
}
