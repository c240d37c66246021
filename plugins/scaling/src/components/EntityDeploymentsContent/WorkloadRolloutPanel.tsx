import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import {
  RolloutActionName,
  RolloutRevision,
} from '@meschain/backstage-plugin-scaling-common';
import { ScalingControlAccess } from '../../hooks';
import { BlueGreenSides } from './BlueGreenSides';
import { CanaryStepProgress } from './CanaryStepProgress';
import { DeploymentProgressView } from './DeploymentProgressView';
import { RevisionHistoryTable } from './RevisionHistoryTable';
import { RolloutActionBar } from './RolloutActionBar';
import { RolloutPhaseStatus } from './RolloutPhaseStatus';
import { describeImages, workloadStrategyLabels } from './rolloutLabels';
import { RolloutTarget } from './RolloutTarget';

/** One Rollout or Deployment in one region: its state, its actions and its revisions. */
export function WorkloadRolloutPanel(props: {
  target: RolloutTarget;
  access: ScalingControlAccess;
  onAction: (action: RolloutActionName, revision?: RolloutRevision) => void;
}) {
  const { target, access, onAction } = props;
  const { workload, region } = target;
  const where = `${workload.name} in ${region}`;
  return (
    <section aria-label={`Rollout of ${where}`}>
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        style={{ gap: 8 }}
      >
        <Typography variant="h6" component="h3">
          {workload.name}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {workload.kind} in {workload.namespace}
        </Typography>
        <Chip
          size="small"
          color="primary"
          label={workloadStrategyLabels[workload.strategy]}
        />
        <RolloutPhaseStatus workload={workload} />
      </Box>
      <Typography variant="body2">
        Stable: {describeImages(workload.stableImages)}
        {workload.canaryImages && (
          <> · New: {describeImages(workload.canaryImages)}</>
        )}
      </Typography>
      <RolloutActionBar
        target={target}
        access={access}
        onAction={action => onAction(action)}
      />
      {workload.canary && (
        <CanaryStepProgress
          canary={workload.canary}
          pauseConditions={workload.pauseConditions}
          aborted={workload.aborted}
          updating={workload.canaryImages !== undefined}
          observedAt={target.observedAt}
          label={`Canary steps of ${where}`}
        />
      )}
      {workload.blueGreen && (
        <BlueGreenSides
          blueGreen={workload.blueGreen}
          observedAt={target.observedAt}
          label={`Blue-green versions of ${where}`}
        />
      )}
      {workload.deployment && (
        <DeploymentProgressView
          progress={workload.deployment}
          label={`Rolling update of ${where}`}
        />
      )}
      <Box mt={2}>
        <RevisionHistoryTable
          target={target}
          access={access}
          onRollback={revision => onAction('undo', revision)}
        />
      </Box>
    </section>
  );
}
