import {
  EntityRolloutState,
  WorkloadRolloutState,
} from '@meschain/backstage-plugin-scaling-common';

/**
 * Whether a workload will stay as it is until someone acts: healthy, aborted,
 * or paused until promoted. A rollout still moving, a timed pause, or an old
 * blue-green side waiting for its scale-down is not settled.
 */
export function isWorkloadSettled(
  workload: WorkloadRolloutState,
  now: number = Date.now(),
): boolean {
  const deadline = workload.blueGreen?.scaleDownDeadline;
  if (deadline && new Date(deadline).getTime() > now) {
    return false;
  }
  switch (workload.phase) {
    case 'Healthy':
    case 'Degraded':
      return true;
    case 'Paused':
      return workload.pauseConditions.every(pause => !pause.endsAt);
    default:
      return false;
  }
}

/** Whether every workload of the entity, in every cluster read, is settled. */
export function isEntitySettled(state: EntityRolloutState): boolean {
  return state.clusters.every(cluster =>
    (cluster.workloads ?? []).every(workload => isWorkloadSettled(workload)),
  );
}
