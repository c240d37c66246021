import { findCondition, setCondition } from '../conditions';
import type { Condition, Rollout, RolloutStatus } from '../kinds';

/** The phase and message Argo Rollouts writes, ported from `CalculateRolloutPhase`. */
export function rolloutPhase(
  rollout: Rollout,
  status: RolloutStatus,
): Pick<RolloutStatus, 'phase' | 'message'> {
  for (const condition of status.conditions ?? []) {
    if (
      condition.reason === 'RolloutAborted' ||
      condition.reason === 'ProgressDeadlineExceeded'
    ) {
      return {
        phase: 'Degraded',
        message: `${condition.reason}: ${condition.message}`,
      };
    }
  }
  if (rollout.spec.paused)
    return { phase: 'Paused', message: 'manually paused' };
  const [pause] = status.pauseConditions ?? [];
  if (pause) return { phase: 'Paused', message: pause.reason };
  if (rollout.spec.restartAt && rollout.spec.restartAt !== status.restartedAt) {
    return { phase: 'Progressing', message: 'rollout is restarting' };
  }
  const desired = rollout.spec.replicas ?? 1;
  if ((status.updatedReplicas ?? 0) < desired)
    return {
      phase: 'Progressing',
      message: 'more replicas need to be updated',
    };
  if ((status.availableReplicas ?? 0) < (status.updatedReplicas ?? 0)) {
    return {
      phase: 'Progressing',
      message: 'updated replicas are still becoming available',
    };
  }
  const promoted =
    !!status.stableRS && status.stableRS === status.currentPodHash;
  if (rollout.spec.strategy.blueGreen) {
    if (
      !status.blueGreen?.activeSelector ||
      status.blueGreen.activeSelector !== status.currentPodHash
    ) {
      return {
        phase: 'Progressing',
        message: 'active service cutover pending',
      };
    }
    if (!promoted)
      return {
        phase: 'Progressing',
        message: 'waiting for post-promotion verification to complete',
      };
  } else {
    if (
      !rollout.spec.strategy.canary?.trafficRouting &&
      (status.replicas ?? 0) > (status.updatedReplicas ?? 0)
    ) {
      return {
        phase: 'Progressing',
        message: 'old replicas are pending termination',
      };
    }
    if (!promoted)
      return {
        phase: 'Progressing',
        message: 'waiting for all steps to complete',
      };
  }
  return { phase: 'Healthy', message: '' };
}

/** The Progressing, Paused, Available, Completed and Healthy conditions of a Rollout. */
export function rolloutConditions(
  rollout: Rollout,
  status: RolloutStatus,
  context: {
    newRSName: string;
    revision: number;
    minAvailable: number;
    timestamp: string;
  },
): Condition[] {
  const set = (
    conditions: Condition[],
    next: Omit<Condition, 'lastTransitionTime' | 'lastUpdateTime'>,
  ) =>
    setCondition(conditions, next, context.timestamp, { withUpdateTime: true });
  const paused = !!rollout.spec.paused || !!status.pauseConditions?.length;
  const promoted =
    !!status.stableRS && status.stableRS === status.currentPodHash;
  let conditions = [...(status.conditions ?? [])];

  if (status.abort) {
    conditions = set(conditions, {
      type: 'Progressing',
      status: 'False',
      reason: 'RolloutAborted',
      message: `Rollout aborted update to revision ${context.revision}`,
    });
  } else if (paused) {
    conditions = set(conditions, {
      type: 'Progressing',
      status: 'Unknown',
      reason: 'RolloutPaused',
      message: 'Rollout is paused',
    });
  } else if (
    promoted &&
    (status.availableReplicas ?? 0) >= (rollout.spec.replicas ?? 1)
  ) {
    conditions = set(conditions, {
      type: 'Progressing',
      status: 'True',
      reason: 'NewReplicaSetAvailable',
      message: `ReplicaSet "${context.newRSName}" has successfully progressed.`,
    });
  } else {
    conditions = set(
      conditions,
      progressingAfter(
        findCondition(conditions, 'Progressing')?.reason,
        context.newRSName,
      ),
    );
  }

  if (paused || findCondition(conditions, 'Paused')) {
    conditions = set(
      conditions,
      paused
        ? {
            type: 'Paused',
            status: 'True',
            reason: 'RolloutPaused',
            message: 'Rollout is paused',
          }
        : {
            type: 'Paused',
            status: 'False',
            reason: 'RolloutResumed',
            message: 'Rollout is resumed',
          },
    );
  }

  conditions = set(
    conditions,
    (status.availableReplicas ?? 0) >= context.minAvailable
      ? {
          type: 'Available',
          status: 'True',
          reason: 'AvailableReason',
          message: 'Rollout has minimum availability',
        }
      : {
          type: 'Available',
          status: 'False',
          reason: 'AvailableReason',
          message: 'Rollout does not have minimum availability',
        },
  );

  conditions = set(
    conditions,
    promoted
      ? {
          type: 'Completed',
          status: 'True',
          reason: 'RolloutCompleted',
          message: `Rollout completed update to revision ${context.revision} (${status.currentPodHash})`,
        }
      : {
          type: 'Completed',
          status: 'False',
          reason: 'RolloutNotCompleted',
          message: `Rollout not completed, started update to revision ${context.revision} (${status.currentPodHash})`,
        },
  );

  const healthy =
    rolloutPhase(rollout, { ...status, conditions }).phase === 'Healthy';
  return set(
    conditions,
    healthy
      ? {
          type: 'Healthy',
          status: 'True',
          reason: 'RolloutHealthy',
          message: 'Rollout is healthy',
        }
      : {
          type: 'Healthy',
          status: 'False',
          reason: 'RolloutHealthy',
          message: 'Rollout is not healthy',
        },
  );
}

/** The Progressing condition of a rollout that is moving, worded by what it is moving on from. */
function progressingAfter(
  previousReason: string | undefined,
  newRSName: string,
): Omit<Condition, 'lastTransitionTime' | 'lastUpdateTime'> {
  switch (previousReason) {
    case 'RolloutAborted':
      return {
        type: 'Progressing',
        status: 'True',
        reason: 'RolloutRetry',
        message: 'Retrying Rollout after abort',
      };
    case 'RolloutPaused':
      return {
        type: 'Progressing',
        status: 'True',
        reason: 'RolloutResumed',
        message: 'Rollout is resumed',
      };
    default:
      return {
        type: 'Progressing',
        status: 'True',
        reason: 'ReplicaSetUpdated',
        message: `ReplicaSet "${newRSName}" is progressing.`,
      };
  }
}
