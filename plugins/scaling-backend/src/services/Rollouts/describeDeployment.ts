import {
  ContainerImage,
  DeploymentRolloutProgress,
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

function sameImages(a: ContainerImage[], b: ContainerImage[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (image, i) =>
        image.container === b[i].container && image.image === b[i].image,
    )
  );
}

/**
 * The ReplicaSet that still serves while a rolling update replaces it: the
 * newest older one that runs pods. Absent once the rollout has completed and
 * the older ReplicaSets are scaled to zero; then the current one is stable.
 */
function replacedReplicaSetOf(
  replicaSets: ReplicaSetObject[],
  current: ReplicaSetObject | undefined,
): ReplicaSetObject | undefined {
  return replicaSets
    .filter(rs => rs !== current && (rs.status?.replicas ?? 0) > 0)
    .sort(
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
  const templateImages = imagesOf(deployment.spec.template);
  const newest = currentReplicaSetOf(replicaSets);
  // Until the controller has made the new template's ReplicaSet, the newest
  // one is the version being replaced, not the current one.
  const templateHasReplicaSet =
    !newest || sameImages(imagesOf(newest.spec?.template), templateImages);
  const current = templateHasReplicaSet ? newest : undefined;
  const currentHash = current && podTemplateHashOf(current);
  // During a rolling update the stable version is the one being replaced,
  // until the older ReplicaSets have no pods left.
  const stable = templateHasReplicaSet
    ? replacedReplicaSetOf(replicaSets, current) ?? current
    : newest;
  const updating = stable !== current;
  const revisions = revisionsOf({
    replicaSets,
    revisionAnnotation: DEPLOYMENT_REVISION,
    currentHash,
    stableHash: stable && podTemplateHashOf(stable),
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
    stableImages: stable ? imagesOf(stable.spec?.template) : templateImages,
    canaryImages: updating ? templateImages : undefined,
    currentRevision: revisions.find(r => r.current)?.revision,
    revisions,
    deployment: {
      // client-node types the API's enums as strings; the server sends only their values.
      strategyType: (deployment.spec.strategy?.type ??
        'RollingUpdate') as DeploymentRolloutProgress['strategyType'],
      maxSurge: deployment.spec.strategy?.rollingUpdate?.maxSurge,
      maxUnavailable: deployment.spec.strategy?.rollingUpdate?.maxUnavailable,
      paused,
      desired: deployment.spec.replicas ?? 1,
      updated: status.updatedReplicas ?? 0,
      ready: status.readyReplicas ?? 0,
      available: status.availableReplicas ?? 0,
      progressing: progressing && {
        status: progressing.status as NonNullable<
          DeploymentRolloutProgress['progressing']
        >['status'],
        reason: progressing.reason,
        message: progressing.message,
        lastUpdateTime: progressing.lastUpdateTime,
      },
    },
    availableActions: applies.filter(([, ok]) => ok).map(([name]) => name),
  };
}
