import { StructuredMetadataTable } from '@backstage/core-components';
import LinearProgress from '@material-ui/core/LinearProgress';
import { DeploymentRolloutProgress } from '@meschain/backstage-plugin-scaling-common';

function percentOf(part: number, whole: number): number {
  return whole === 0 ? 100 : Math.min(100, Math.round((part / whole) * 100));
}

/** A Deployment's rolling-update settings and how far its rollout has got. */
export function DeploymentProgressView(props: {
  progress: DeploymentRolloutProgress;
  label: string;
}) {
  const { progress, label } = props;
  const { desired, updated, ready, available, progressing } = progress;
  return (
    <section aria-label={label}>
      <LinearProgress
        variant="determinate"
        value={percentOf(Math.min(updated, available), desired)}
        aria-label={`${label}: ${available} of ${desired} available`}
      />
      <StructuredMetadataTable
        dense
        metadata={{
          progress: `${updated} updated · ${ready} ready · ${available} available of ${desired} desired`,
          strategy:
            progress.strategyType === 'Recreate'
              ? 'Recreate'
              : `RollingUpdate, max surge ${
                  progress.maxSurge ?? '25%'
                }, max unavailable ${progress.maxUnavailable ?? '25%'}`,
          progressing: progressing
            ? `${progressing.status}${
                progressing.reason ? `: ${progressing.reason}` : ''
              }${progressing.message ? ` — ${progressing.message}` : ''}`
            : 'Not reported yet',
          paused: progress.paused ? 'Yes (spec.paused)' : 'No',
        }}
      />
    </section>
  );
}
