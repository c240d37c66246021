import { InfoCard, StatusError } from '@backstage/core-components';
import Divider from '@material-ui/core/Divider';
import Typography from '@material-ui/core/Typography';
import {
  ClusterRolloutState,
  RolloutActionName,
  RolloutRevision,
} from '@meschain/backstage-plugin-scaling-common';
import { Fragment } from 'react';
import { ScalingControlAccess } from '../../hooks';
import { RolloutTarget } from './RolloutTarget';
import { WorkloadRolloutPanel } from './WorkloadRolloutPanel';

type ClusterRolloutsProps = {
  state: ClusterRolloutState;
  access: ScalingControlAccess;
  onAction: (
    target: RolloutTarget,
    action: RolloutActionName,
    revision?: RolloutRevision,
  ) => void;
};

function ClusterBody(props: ClusterRolloutsProps) {
  const { state, access, onAction } = props;
  if (state.error) {
    return (
      <StatusError>
        {state.error.name}: {state.error.message}
      </StatusError>
    );
  }
  const { cluster } = state;
  if (!cluster) {
    return (
      <Typography color="textSecondary">
        No cluster serves this region
      </Typography>
    );
  }
  if (!state.workloads?.length) {
    return (
      <Typography color="textSecondary">
        No Rollouts or Deployments found in this cluster
      </Typography>
    );
  }
  return (
    <>
      {state.workloads.map((workload, index) => {
        const target = {
          region: state.region,
          cluster,
          workload,
          observedAt: state.observedAt,
        };
        return (
          <Fragment key={`${workload.kind}/${workload.name}`}>
            {index > 0 && <Divider style={{ margin: '16px 0' }} />}
            <WorkloadRolloutPanel
              target={target}
              access={access}
              onAction={(action, revision) =>
                onAction(target, action, revision)
              }
            />
          </Fragment>
        );
      })}
    </>
  );
}

/** The entity's rollouts in one region, or why they could not be read. */
export function ClusterRolloutsCard(props: ClusterRolloutsProps) {
  const { state } = props;
  return (
    <InfoCard
      title={`${state.region}${state.role === 'dr' ? ' (DR)' : ''}`}
      subheader={state.cluster ?? 'No cluster'}
    >
      <ClusterBody {...props} />
    </InfoCard>
  );
}
