import Typography from '@material-ui/core/Typography';
import { WorkloadReplicas } from '@meschain/backstage-plugin-scaling-common';

/** Desired, ready, available and updated replicas of one workload. */
export function ReplicaCounts({ replicas }: { replicas: WorkloadReplicas }) {
  return (
    <Typography variant="body2" component="div">
      <div>
        <strong>{replicas.desired}</strong> desired
      </div>
      <div>
        {replicas.ready} ready · {replicas.available} available ·{' '}
        {replicas.updated} updated
      </div>
    </Typography>
  );
}
