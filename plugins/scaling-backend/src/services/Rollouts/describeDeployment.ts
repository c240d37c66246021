import {
  RolloutActionName,
  RolloutPhase,
  WorkloadRolloutState,
} from '@meschain/backstage-plugin-scaling-common';
import {
  DeploymentObject,
  DEPLOYMENT_REVISION,
  ReplicaSetObject,
} from './rolloutObjects';
import {
  imagesOf,
  podTemplateHashOf,
  revisionOf,
  revisionsOf,
} from './revisions';

/** The ReplicaSet the Deployment controller made for the current template: the newest revision. */
export function currentReplicaSetOf(replicaSets: ReplicaSetObject[]) {
  return [...replicaSets].sort(
    (a, b) =>
      revisionOf(b, DEPLOYMENT_REVISION) - revisionOf(a, DEPLOYMENT_REVISION),
  )[0];
}

/** A phase in Argo's terms, from the counts and conditions `kubectl rollout status` reads. */
function phaseOf(deployment: DeploymentObject): RolloutPhase {
  const desired = deployment.spec.replicas ?? 1;
  const status = deployment.status ?? {};
  const progressing = status.conditions?.find(c => c.type === 'Progressing');
  if (deployment.spec.paused) return 'Paused';
  if (progressing?.status === 'False') return 'Degraded';
  const settled =
    (status.updatedReplicas ?? 0) === desired &&
    (status.availableReplicas ?? 0) === desired &&
    (status.replicas ?? 0) === desired;
  return settled ? 'Healthy' : 'Progressing';
}

/** A Deployment as the Deployments tab shows it, given the ReplicaSets it controls. */
export function describeDeployment(
  deployment: DeploymentObject,
  replicaSets: ReplicaSetObject[],
): WorkloadRolloutState {
  const status = deployment.status ?? {};
  const current = currentReplicaSetOf(replicaSets);
  const currentHash = current && podTemplateHashOf(current);
  const revisions = revisionsOf({
    replicaSets,
    revisionAnnotation: DEPLOYMENT_REVISION,
    currentHash,
    stableHash: currentHash,
  });
  const paused = !!deployment.spec.paused;
  const progressing = status.conditions?.find(c => c.type === 'Progressing');
  const applies: Array<[RolloutActionName, boolean]> = [
    ['restart', true],
    ['pause', !paused],
    ['resume', paused],
    ['undo', !paused && revisions.some(r => !r.current)],
    ['set-image', true],
  ];
  return {
    kind: 'Deployment',
    apiVersion: deployment.apiVersion ?? 'apps/v1',
    name: deployment.metadata.name,
    namespace: deployment.metadata.namespace ?? '',
    resourceVersion: deployment.metadata.resourceVersion ?? '',
    strategy:
      deployment.spec.strategy?.type === 'Recreate' ? 'recreate' : 'rolling',
    phase: phaseOf(deployment),
    message: progressing?.message,
    paused,
    pauseConditions: [],
    aborted: false,
    stableImages: imagesOf(deployment.spec.template),
    currentRevision: revisions.find(r => r.current)?.revision,
    revisions,
    deployment: {
      strategyType: deployment.spec.strategy?.type ?? 'RollingUpdate',
      maxSurge: deployment.spec.strategy?.rollingUpdate?.maxSurge,
      maxUnavailable: deployment.spec.strategy?.rollingUpdate?.maxUnavailable,
      paused,
      desired: deployment.spec.replicas ?? 1,
      updated: status.updatedReplicas ?? 0,
      ready: status.readyReplicas ?? 0,
      available: status.availableReplicas ?? 0,
      progressing: progressing && {
        status: progressing.status,
        reason: progressing.reason,
        message: progressing.message,
        lastUpdateTime: progressing.lastUpdateTime,
      },
    },
    availableActions: applies.filter(([, ok]) => ok).map(([name]) => name),
  };
}
