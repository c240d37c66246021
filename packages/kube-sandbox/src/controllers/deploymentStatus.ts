import { findCondition, replaceCondition, setCondition } from './conditions';
import type { Condition, Deployment, ReplicaSet } from './kinds';
import { sumStatus } from './replicaSets';

type DeploymentStatus = NonNullable<Deployment['status']>;

/** The status the deployment controller writes (upstream's `calculateStatus` and `syncRolloutStatus`). */
export function deploymentStatus(
  deployment: Deployment,
  newRS: ReplicaSet | undefined,
  all: readonly ReplicaSet[],
  context: { maxUnavailable: number; timestamp: string; now: number },
): DeploymentStatus {
  const desired = deployment.spec.replicas ?? 1;
  const previous = deployment.status ?? {};
  const counts = {
    replicas: sumStatus(all, 'replicas'),
    updatedReplicas: newRS?.status?.replicas ?? 0,
    readyReplicas: sumStatus(all, 'readyReplicas'),
    availableReplicas: sumStatus(all, 'availableReplicas'),
  };
  const unavailableReplicas = Math.max(
    0,
    Math.max(desired, counts.replicas) - counts.availableReplicas,
  );
  let conditions: Condition[] = [...(previous.conditions ?? [])];

  conditions = setCondition(
    conditions,
    counts.availableReplicas >= desired - context.maxUnavailable
      ? {
          type: 'Available',
          status: 'True',
          reason: 'MinimumReplicasAvailable',
          message: 'Deployment has minimum availability.',
        }
      : {
          type: 'Available',
          status: 'False',
          reason: 'MinimumReplicasUnavailable',
          message: 'Deployment does not have minimum availability.',
        },
    context.timestamp,
    { withUpdateTime: true },
  );

  conditions = progressingCondition(
    deployment,
    newRS,
    counts,
    conditions,
    context,
  );

  // Zero counts are left out, as the API's `omitempty` fields are.
  const nonZero = (values: Record<string, number | undefined>) =>
    Object.fromEntries(Object.entries(values).filter(([, value]) => !!value));
  return {
    ...nonZero({
      observedGeneration: deployment.metadata.generation,
      replicas: counts.replicas,
      updatedReplicas: counts.updatedReplicas,
      readyReplicas: counts.readyReplicas,
      availableReplicas: counts.availableReplicas,
      unavailableReplicas,
    }),
    conditions,
    ...(previous.collisionCount
      ? { collisionCount: previous.collisionCount }
      : {}),
  };
}

function progressingCondition(
  deployment: Deployment,
  newRS: ReplicaSet | undefined,
  counts: {
    replicas: number;
    updatedReplicas: number;
    availableReplicas: number;
  },
  conditions: Condition[],
  context: { timestamp: string; now: number },
): Condition[] {
  const desired = deployment.spec.replicas ?? 1;
  const rsName = newRS?.metadata.name ?? '';
  if (deployment.spec.paused) {
    return setCondition(
      conditions,
      {
        type: 'Progressing',
        status: 'Unknown',
        reason: 'DeploymentPaused',
        message: 'Deployment is paused',
      },
      context.timestamp,
      { withUpdateTime: true },
    );
  }
  const current = findCondition(conditions, 'Progressing');
  const complete =
    counts.updatedReplicas === desired &&
    counts.replicas === desired &&
    counts.availableReplicas === desired;
  if (complete) {
    return setCondition(
      conditions,
      {
        type: 'Progressing',
        status: 'True',
        reason: 'NewReplicaSetAvailable',
        message: `ReplicaSet "${rsName}" has successfully progressed.`,
      },
      context.timestamp,
      { withUpdateTime: true },
    );
  }
  if (
    current?.reason === 'ProgressDeadlineExceeded' &&
    current.message?.includes(`"${rsName}"`)
  )
    return conditions;

  const previous = deployment.status ?? {};
  const progressed =
    (previous.updatedReplicas ?? 0) !== counts.updatedReplicas ||
    (previous.availableReplicas ?? 0) !== counts.availableReplicas ||
    (previous.replicas ?? 0) !== counts.replicas ||
    !current?.message?.includes(`"${rsName}"`);
  if (progressed) {
    const created =
      newRS?.metadata.creationTimestamp === context.timestamp &&
      !current?.message?.includes(`"${rsName}"`);
    // Progress refreshes lastUpdateTime even when the reason stays the same: the deadline counts from it.
    return replaceCondition(conditions, {
      type: 'Progressing',
      status: 'True',
      reason: created ? 'NewReplicaSetCreated' : 'ReplicaSetUpdated',
      message: created
        ? `Created new replica set "${rsName}"`
        : `ReplicaSet "${rsName}" is progressing.`,
      lastUpdateTime: context.timestamp,
      lastTransitionTime:
        current?.status === 'True'
          ? current.lastTransitionTime
          : context.timestamp,
    });
  }
  const deadline = progressDeadlineAt(deployment, { conditions });
  if (deadline !== undefined && context.now >= deadline) {
    return setCondition(
      conditions,
      {
        type: 'Progressing',
        status: 'False',
        reason: 'ProgressDeadlineExceeded',
        message: `ReplicaSet "${rsName}" has timed out progressing.`,
      },
      context.timestamp,
      { withUpdateTime: true },
    );
  }
  return conditions;
}

/** When an unfinished rollout times out: the last progress plus `progressDeadlineSeconds` (default 600). */
export function progressDeadlineAt(
  deployment: Deployment,
  status: Pick<DeploymentStatus, 'conditions'>,
): number | undefined {
  const progressing = findCondition(status.conditions, 'Progressing');
  if (
    !progressing ||
    progressing.status !== 'True' ||
    progressing.reason === 'NewReplicaSetAvailable'
  )
    return undefined;
  const seconds = deployment.spec.progressDeadlineSeconds ?? 600;
  const since = Date.parse(
    progressing.lastUpdateTime ?? progressing.lastTransitionTime ?? '',
  );
  return Number.isFinite(since) ? since + seconds * 1000 : undefined;
}
