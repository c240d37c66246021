import Box from '@material-ui/core/Box';
import { RolloutActionName } from '@meschain/backstage-plugin-scaling-common';
import { ScalingControlAccess } from '../../hooks';
import { describeRolloutAction } from './describeRolloutAction';
import { RolloutActionButton } from './RolloutActionButton';
import { RolloutTarget } from './RolloutTarget';

/** The actions each kind offers, in the order the bar shows them; undo is per revision. */
const actionsByKind: Record<
  RolloutTarget['workload']['kind'],
  RolloutActionName[]
> = {
  Rollout: [
    'set-image',
    'promote',
    'promote-full',
    'abort',
    'retry',
    'restart',
  ],
  Deployment: ['set-image', 'pause', 'resume', 'restart'],
};

/** The workload's actions; those that do not apply now are disabled, saying so. */
export function RolloutActionBar(props: {
  target: RolloutTarget;
  access: ScalingControlAccess;
  onAction: (action: RolloutActionName) => void;
}) {
  const { target, access, onAction } = props;
  const { workload } = target;
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 8 }} my={1}>
      {actionsByKind[workload.kind].map(action => (
        <RolloutActionButton
          key={action}
          target={target}
          action={action}
          access={access}
          unavailableReason={
            workload.availableActions.includes(action)
              ? undefined
              : `Does not apply while the ${workload.kind.toLocaleLowerCase(
                  'en-US',
                )} is ${workload.phase.toLocaleLowerCase('en-US')}${
                  workload.aborted ? ' (aborted)' : ''
                }`
          }
          description={describeRolloutAction({ target, action })}
          onClick={() => onAction(action)}
        />
      ))}
    </Box>
  );
}
