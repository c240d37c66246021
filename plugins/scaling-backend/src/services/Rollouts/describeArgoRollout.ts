import {
  BlueGreenRolloutState,
  BlueGreenSide,
  CanaryRolloutState,
  CanaryStep,
  HeaderRoute,
  RolloutActionName,
  RolloutRevision,
  WorkloadRolloutState,
} from '@meschain/backstage-plugin-scaling-common';
import {
  CanaryStepObject,
  ReplicaSetObject,
  RolloutObject,
  ROLLOUT_REVISION,
  SCALE_DOWN_DEADLINE,
} from './rolloutObjects';
import { imagesOf, podTemplateHashOf, revisionsOf } from './revisions';

const DEFAULT_SCALE_DOWN_DELAY_SECONDS = 30;
const DURATION_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600 };

/** An Argo duration: a number of seconds, or a string such as `60s`, `5m` or `1h`. */
export function durationSeconds(
  duration: string | number | undefined,
): number | undefined {
  if (duration === undefined) return undefined;
  if (typeof duration === 'number') return duration;
  const match = /^(\d+)([smh]?)$/.exec(duration.trim());
  if (!match) return undefined;
  return Number(match[1]) * DURATION_UNITS[match[2] || 's'];
}

function stepState(index: number, current: number): CanaryStep['state'] {
  if (index < current) return 'completed';
  return index === current ? 'current' : 'pending';
}

function stepOf(step: CanaryStepObject, index: number, current: number) {
  const state = stepState(index, current);
  const base = { index, state };
  if (step.setWeight !== undefined)
    return { ...base, kind: 'setWeight' as const, weight: step.setWeight };
  if (step.pause !== undefined)
    return {
      ...base,
      kind: 'pause' as const,
      pauseSeconds: durationSeconds(step.pause.duration),
    };
  if (step.setHeaderRoute)
    return {
      ...base,
      kind: 'setHeaderRoute' as const,
      headerRoute: step.setHeaderRoute,
    };
  if (step.setCanaryScale)
    return {
      ...base,
      kind: 'setCanaryScale' as const,
      canaryScale: step.setCanaryScale,
    };
  if (step.analysis) return { ...base, kind: 'analysis' as const };
  if (step.experiment) return { ...base, kind: 'experiment' as const };
  return { ...base, kind: 'other' as const };
}

/** Routes set by the steps passed so far; a route without `match` removes its name. */
function headerRoutesUntil(steps: CanaryStepObject[], end: number) {
  const routes = new Map<string, HeaderRoute>();
  for (const step of steps.slice(0, end)) {
    const route = step.setHeaderRoute;
    if (!route) continue;
    if (route.match?.length) routes.set(route.name, route);
    else routes.delete(route.name);
  }
  return [...routes.values()];
}

/** The weight the steps passed so far ask for: the last setWeight up to the current step. */
function setWeightOf(
  steps: CanaryStepObject[],
  current: number,
  { updating, aborted }: { updating: boolean; aborted: boolean },
): number {
  if (aborted) return 0;
  if (!updating || current >= steps.length) return 100;
  return steps
    .slice(0, current + 1)
    .reduce((weight, step) => step.setWeight ?? weight, 0);
}

function canaryState(
  rollout: RolloutObject,
  replicaSets: ReplicaSetObject[],
  updating: boolean,
): CanaryRolloutState {
  const canary = rollout.spec.strategy.canary!;
  const status = rollout.status ?? {};
  const steps = canary.steps ?? [];
  const current = status.currentStepIndex ?? steps.length;
  const setWeight = setWeightOf(steps, current, {
    updating,
    aborted: !!status.abort,
  });
  const byHash = (hash?: string) =>
    replicaSets.find(rs => hash && podTemplateHashOf(rs) === hash);
  const canaryRS = updating ? byHash(status.currentPodHash) : undefined;
  const available = (rs?: ReplicaSetObject) =>
    rs?.status?.availableReplicas ?? 0;
  const total = available(canaryRS) + available(byHash(status.stableRS));
  // Without traffic routing, the canary's share is its share of available pods.
  const podShare = total ? Math.round((available(canaryRS) * 100) / total) : 0;
  // Once the rollout is complete the canary is the stable version: all the
  // traffic runs it, whatever weight the canary service was last given (a
  // traffic router reports the canary's weight back at 0).
  const actualWeight = updating
    ? status.canary?.weights?.canary?.weight ?? podShare
    : 100;
  return {
    steps: steps.map((step, index) => stepOf(step, index, current)),
    currentStepIndex: status.currentStepIndex,
    setWeight,
    actualWeight,
    stableService: canary.stableService,
    canaryService: canary.canaryService,
    headerRoutes:
      updating && !status.abort ? headerRoutesUntil(steps, current) : [],
  };
}

function sideOf(
  service: string,
  hash: string | undefined,
  revisions: RolloutRevision[],
): BlueGreenSide {
  const revision = revisions.find(r => hash && r.podTemplateHash === hash);
  return {
    service,
    podTemplateHash: hash,
    revision: revision?.revision,
    images: revision?.images ?? [],
  };
}

function blueGreenState(
  rollout: RolloutObject,
  replicaSets: ReplicaSetObject[],
  revisions: RolloutRevision[],
): BlueGreenRolloutState {
  const blueGreen = rollout.spec.strategy.blueGreen!;
  const selectors = rollout.status?.blueGreen ?? {};
  const deadline = replicaSets
    .filter(rs => (rs.spec?.replicas ?? 0) > 0)
    .map(rs => rs.metadata.annotations?.[SCALE_DOWN_DEADLINE])
    .find(Boolean);
  return {
    active: sideOf(
      blueGreen.activeService,
      selectors.activeSelector,
      revisions,
    ),
    preview: blueGreen.previewService
      ? sideOf(blueGreen.previewService, selectors.previewSelector, revisions)
      : undefined,
    autoPromotionEnabled: blueGreen.autoPromotionEnabled ?? true,
    autoPromotionSeconds: blueGreen.autoPromotionSeconds,
    scaleDownDelaySeconds:
      blueGreen.scaleDownDelaySeconds ?? DEFAULT_SCALE_DOWN_DELAY_SECONDS,
    scaleDownDeadline: deadline,
  };
}

/** What a user may do to the rollout now; {@link planRolloutAction} refuses the rest with the reason. */
function availableActions(
  rollout: RolloutObject,
  updating: boolean,
  paused: boolean,
  revisions: RolloutRevision[],
): RolloutActionName[] {
  const aborted = !!rollout.status?.abort;
  const applies: Array<[RolloutActionName, boolean]> = [
    ['promote', paused && !aborted],
    ['promote-full', updating],
    ['abort', updating && !aborted],
    ['retry', aborted],
    ['restart', true],
    ['undo', revisions.some(r => !r.current)],
    ['set-image', true],
  ];
  return applies.filter(([, applicable]) => applicable).map(([name]) => name);
}

/** `ab` is a canary that routes by header. */
function strategyOf(rollout: RolloutObject): WorkloadRolloutState['strategy'] {
  if (rollout.spec.strategy.blueGreen) return 'blue-green';
  const steps = rollout.spec.strategy.canary?.steps ?? [];
  return steps.some(step => step.setHeaderRoute) ? 'ab' : 'canary';
}

/** Whether the rollout runs a revision that is not yet its stable one. */
export function isUpdating(rollout: RolloutObject): boolean {
  const { currentPodHash, stableRS } = rollout.status ?? {};
  return !!currentPodHash && !!stableRS && currentPodHash !== stableRS;
}

export function isRolloutPaused(rollout: RolloutObject): boolean {
  return !!rollout.spec.paused || !!rollout.status?.pauseConditions?.length;
}

/** An Argo Rollout as the Deployments tab shows it, given the ReplicaSets it controls. */
export function describeArgoRollout(
  rollout: RolloutObject,
  replicaSets: ReplicaSetObject[],
): WorkloadRolloutState {
  const status = rollout.status ?? {};
  const updating = isUpdating(rollout);
  const paused = isRolloutPaused(rollout);
  const revisions = revisionsOf({
    replicaSets,
    revisionAnnotation: ROLLOUT_REVISION,
    currentHash: status.currentPodHash,
    stableHash: status.stableRS,
  });
  const stable = revisions.find(r => r.stable);
  const steps = rollout.spec.strategy.canary?.steps ?? [];
  const canaryPauseSeconds =
    rollout.spec.strategy.canary && status.currentStepIndex !== undefined
      ? durationSeconds(steps[status.currentStepIndex]?.pause?.duration)
      : undefined;
  return {
    kind: 'Rollout',
    apiVersion: rollout.apiVersion ?? 'argoproj.io/v1alpha1',
    name: rollout.metadata.name,
    namespace: rollout.metadata.namespace ?? '',
    resourceVersion: rollout.metadata.resourceVersion ?? '',
    strategy: strategyOf(rollout),
    phase: status.phase ?? 'Progressing',
    message: status.message,
    paused,
    pauseConditions: (status.pauseConditions ?? []).map(condition => ({
      ...condition,
      endsAt:
        condition.reason === 'CanaryPauseStep' &&
        canaryPauseSeconds !== undefined
          ? new Date(
              Date.parse(condition.startTime) + canaryPauseSeconds * 1000,
            ).toISOString()
          : undefined,
    })),
    aborted: !!status.abort,
    stableImages: stable?.images ?? imagesOf(rollout.spec.template),
    canaryImages: updating ? imagesOf(rollout.spec.template) : undefined,
    currentRevision: revisions.find(r => r.current)?.revision,
    revisions,
    canary: rollout.spec.strategy.canary
      ? canaryState(rollout, replicaSets, updating)
      : undefined,
    blueGreen: rollout.spec.strategy.blueGreen
      ? blueGreenState(rollout, replicaSets, revisions)
      : undefined,
    availableActions: availableActions(rollout, updating, paused, revisions),
  };
}
