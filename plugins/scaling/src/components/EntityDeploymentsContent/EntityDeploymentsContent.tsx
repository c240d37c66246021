import {
  Content,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import {
  useEntityReload,
  useEntityRollouts,
  useRolloutPermission,
} from '../../hooks';
import { DataAge } from '../DataAge';
import { EntityScalingHistory } from '../ScalingHistoryTimeline';
import { ClusterRolloutsCard } from './ClusterRolloutsCard';
import { RolloutActionConfirmation } from './RolloutActionConfirmation';
import { PendingRolloutAction } from './RolloutTarget';

/**
 * @public
 * The "Deployments" tab of a service's entity page: each region's Argo
 * Rollouts and Deployments with their steps, versions and revisions, the
 * actions that apply to them, and the history of those actions.
 */
export function EntityDeploymentsContent() {
  const rollouts = useEntityRollouts();
  const access = useRolloutPermission();
  const [pending, setPending] = useState<PendingRolloutAction>();

  const refresh = useEntityReload();

  let body;
  if (rollouts.error) {
    body = <ResponseErrorPanel error={rollouts.error} />;
  } else if (!rollouts.value) {
    body = <Progress />;
  } else {
    body = rollouts.value.clusters.map(cluster => (
      <Grid item xs={12} key={`${cluster.region}/${cluster.cluster}`}>
        <ClusterRolloutsCard
          state={cluster}
          access={access}
          onAction={(target, action, revision) =>
            setPending({ target, action, revision })
          }
        />
      </Grid>
    ));
  }

  return (
    <Content noPadding>
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <DataAge readAt={rollouts.readAt} />
          {!access.allowed && !access.loading && (
            <Alert severity="info">{access.reason}</Alert>
          )}
          {rollouts.live && (
            <div role="status" aria-label="Live progress">
              {/* Secondary text is 4.47:1 on the page's grey, short of AA. */}
              <Typography variant="body2">
                A rollout is in progress: following it live.
              </Typography>
              <LinearProgress />
            </div>
          )}
        </Grid>
        {body}
        <Grid item xs={12}>
          <EntityScalingHistory />
        </Grid>
      </Grid>
      {pending && (
        <RolloutActionConfirmation
          key={`${pending.target.cluster}/${pending.action}`}
          pending={pending}
          onClose={() => setPending(undefined)}
          onChanged={refresh}
        />
      )}
    </Content>
  );
}
