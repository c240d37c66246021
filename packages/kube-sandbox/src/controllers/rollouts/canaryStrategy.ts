import { resolveFenceposts } from '../intOrPercent';
import type { CanaryStep, ReplicaSet } from '../kinds';
import {
  basicCanaryCounts,
  trafficRoutedCanaryCounts,
  type CanaryCounts,
} from './canaryReplicas';
import {
  currentCanaryScale,
  currentSetWeight,
  describeStep,
  maxTrafficWeight,
  pauseDurationSeconds,
  stepsOf,
  usesTrafficRouting,
} from './canarySteps';
import {
  addPauseCondition,
  availableOf,
  clearPause,
  pauseCondition,
  removePauseCondition,
  replicasOf,
  type RolloutContext,
} from './RolloutContext';

/** Argo's default for scaleDownDelaySeconds and abortScaleDownDelaySeconds. */
const DEFAULT_SCALE_DOWN_DELAY_SECONDS = 30;

/**
 * One sync of a canary Rollout (Argo's `rolloutCanary`): scale new and stable ReplicaSets to the
 * current step's weight, advance through setWeight, pause, setCanaryScale and setHeaderRoute steps,
 * and promote the new ReplicaSet to stable once every step is done.
 */
export function syncCanary(context: RolloutContext): void {
  const { rollout, status } = context;
  const canary = rollout.spec.strategy.canary!;
  const steps = stepsOf(rollout);
  const replicas = rollout.spec.replicas ?? 1;
  const routed = usesTrafficRouting(rollout);
  const maxWeight = maxTrafficWeight(rollout);

  if (status.promoteFull) {
    clearPause(status);
    status.abort = false;
    if (steps.length) status.currentStepIndex = steps.length;
  }
  const aborted = !!status.abort;
  if (aborted) {
    if (!status.abortedAt)
      context.event(
        'RolloutAborted',
        `Rollout aborted update to revision ${context.revision}`,
        'Warning',
      );
    status.abortedAt ??= context.timestamp;
    clearPause(status);
    if (steps.length) status.currentStepIndex = 0;
  } else {
    delete status.abortedAt;
  }

  // The initial deploy, or a rollout whose new ReplicaSet is already stable: run it at full size.
  if (!context.stableRS || context.stableRS === context.newRS) {
    context.scale(context.newRS, replicas);
    for (const rs of context.others) retire(context, rs, routed);
    if (!context.stableRS) promote(context, 'Initial deploy');
    if (routed) {
      setWeights(context, 0, context.newHash);
      routeVirtualServices(context, aborted);
    }
    pointCanaryServices(context, context.newHash, context.newHash);
    return;
  }

  const weight = aborted ? 0 : currentSetWeight(rollout);
  const target = desiredCounts(context, weight, maxWeight, replicas);
  for (const rs of context.others) retire(context, rs, routed);
  if (aborted && routed) {
    const delay =
      canary.abortScaleDownDelaySeconds ?? DEFAULT_SCALE_DOWN_DELAY_SECONDS;
    context.scale(context.stableRS, target.stable);
    if (delay > 0) context.scaleDownAfter(context.newRS, delay);
  } else {
    context.scale(context.newRS, target.canary);
    context.scale(context.stableRS, target.stable);
  }
  const stableHash = status.stableRS ?? '';
  if (routed) {
    setWeights(context, weight, stableHash);
    routeVirtualServices(context, aborted);
  }
  // An aborted basic canary sends the canary Service's traffic back to the stable pods.
  pointCanaryServices(
    context,
    aborted && !routed ? stableHash : context.newHash,
    stableHash,
  );

  if (aborted || rollout.spec.paused) return;
  advanceSteps(context, target);

  const done = !steps.length || (status.currentStepIndex ?? 0) >= steps.length;
  if (
    (done || status.promoteFull) &&
    availableOf(context.fresh(context.newRS)) >= replicas
  ) {
    promote(
      context,
      status.promoteFull
        ? 'Full promotion requested'
        : `Completed all ${steps.length} canary steps`,
    );
  }
}

function desiredCounts(
  context: RolloutContext,
  weight: number,
  maxWeight: number,
  replicas: number,
): CanaryCounts {
  const { rollout } = context;
  if (usesTrafficRouting(rollout)) {
    const scale = context.status.promoteFull
      ? undefined
      : currentCanaryScale(rollout);
    const canaryScale =
      scale?.replicas ??
      (scale?.weight !== undefined
        ? Math.ceil((replicas * scale.weight) / maxWeight)
        : undefined);
    return trafficRoutedCanaryCounts({
      replicas,
      weight: context.status.promoteFull ? maxWeight : weight,
      maxWeight,
      canaryScale,
    });
  }
  const canary = rollout.spec.strategy.canary!;
  const { maxSurge, maxUnavailable } = resolveFenceposts(
    canary.maxSurge,
    canary.maxUnavailable,
    replicas,
  );
  const counts = (rs: ReplicaSet) => ({
    name: rs.metadata.name,
    replicas: replicasOf(rs),
    available: availableOf(rs),
  });
  return basicCanaryCounts({
    replicas,
    weight: context.status.promoteFull ? maxWeight : weight,
    maxWeight,
    maxSurge,
    maxUnavailable,
    newRS: counts(context.newRS),
    stableRS: context.stableRS && counts(context.stableRS),
    otherRSs: context.others.map(counts),
  });
}

/** Completes the current step when its condition holds (Argo's `completedCurrentCanaryStep`). */
function advanceSteps(context: RolloutContext, target: CanaryCounts): void {
  const { status } = context;
  const steps = stepsOf(context.rollout);
  const index = status.currentStepIndex ?? 0;
  const step = steps[index];
  if (!step) return;
  if (!stepCompleted(context, step, target)) return;
  status.currentStepIndex = index + 1;
  removePauseCondition(status, 'CanaryPauseStep');
  context.event(
    'RolloutStepCompleted',
    `Rollout step ${index + 1}/${steps.length} completed (${describeStep(
      step,
    )})`,
  );
  // Another sync follows from the status write; it takes the next step.
}

function stepCompleted(
  context: RolloutContext,
  step: CanaryStep,
  target: CanaryCounts,
): boolean {
  const { status } = context;
  if (step.pause) {
    const condition = pauseCondition(status, 'CanaryPauseStep');
    // The plugin's promote clears pauseConditions and leaves controllerPause: that is the resume signal.
    if (status.controllerPause && !condition) return true;
    const seconds = pauseDurationSeconds(step.pause.duration);
    if (!condition) {
      addPauseCondition(context, 'CanaryPauseStep');
      if (seconds !== undefined) context.wakeAt(context.now + seconds * 1000);
      return false;
    }
    if (seconds === undefined) return false;
    const deadline = Date.parse(condition.startTime) + seconds * 1000;
    if (context.now > deadline) return true;
    context.wakeAt(deadline + 1000);
    return false;
  }
  if (step.setWeight !== undefined || step.setCanaryScale)
    return atDesiredCounts(context, target);
  if (step.setHeaderRoute) {
    const route = step.setHeaderRoute;
    const matches = (route.match ?? [])
      .map(m => `${m.headerName}: ${JSON.stringify(m.headerValue)}`)
      .join(', ');
    context.event(
      'SetHeaderRoute',
      matches
        ? `Header route "${route.name ?? ''}" sends ${matches} to the canary`
        : `Header route "${route.name ?? ''}" removed`,
    );
    return true;
  }
  // Analysis, experiments and plugins are not simulated: they pass.
  return true;
}

/** Argo's `AtDesiredReplicaCountsForCanary`: canary available, stable created, nothing else left. */
function atDesiredCounts(
  context: RolloutContext,
  target: CanaryCounts,
): boolean {
  const newRS = context.fresh(context.newRS);
  if (
    replicasOf(newRS) !== target.canary ||
    availableOf(newRS) !== target.canary
  )
    return false;
  const stable = context.stableRS && context.fresh(context.stableRS);
  if (
    stable &&
    (replicasOf(stable) !== target.stable ||
      (stable.status?.replicas ?? 0) !== target.stable)
  )
    return false;
  if (
    !usesTrafficRouting(context.rollout) &&
    context.others.some(rs => availableOf(context.fresh(rs)) > 0)
  )
    return false;
  return true;
}

/** Marks the new ReplicaSet stable (`promoteStable`). */
function promote(context: RolloutContext, reason: string): void {
  const { status } = context;
  const steps = stepsOf(context.rollout);
  clearPause(status);
  status.abort = false;
  status.promoteFull = false;
  status.currentStepIndex = steps.length ? steps.length : undefined;
  if (status.stableRS !== context.newHash) {
    status.stableRS = context.newHash;
    context.event(
      'RolloutCompleted',
      `Rollout completed update to revision ${context.revision} (${context.newHash}): ${reason}`,
    );
  }
}

/** Old ReplicaSets go to zero: at once for a basic canary, after the delay behind a traffic router. */
function retire(
  context: RolloutContext,
  rs: ReplicaSet,
  routed: boolean,
): void {
  if (replicasOf(rs) === 0) return;
  if (routed)
    context.scaleDownAfter(
      rs,
      context.rollout.spec.strategy.canary?.scaleDownDelaySeconds ??
        DEFAULT_SCALE_DOWN_DELAY_SECONDS,
    );
  else context.scale(rs, 0);
}

function setWeights(
  context: RolloutContext,
  weight: number,
  stableHash: string,
): void {
  const canary = context.rollout.spec.strategy.canary!;
  const maxWeight = maxTrafficWeight(context.rollout);
  const promoted = context.status.stableRS === context.newHash;
  context.status.canary = {
    ...context.status.canary,
    weights: {
      canary: {
        weight: promoted ? 0 : weight,
        serviceName: canary.canaryService,
        podTemplateHash: promoted ? stableHash : context.newHash,
      },
      stable: {
        weight: promoted ? maxWeight : maxWeight - weight,
        serviceName: canary.stableService,
        podTemplateHash: stableHash,
      },
    },
  };
}

/**
 * The VirtualServices follow the weights just set (Argo's `reconcileTrafficRouting`): the header
 * route of a setHeaderRoute step being taken is added, and managed routes go once the rollout is
 * promoted, aborted, fully promoted or has no canary pod available.
 */
function routeVirtualServices(context: RolloutContext, aborted: boolean): void {
  const { status, rollout } = context;
  const promoted = status.stableRS === context.newHash;
  const step = stepsOf(rollout)[status.currentStepIndex ?? 0];
  context.routeVirtualServices({
    canaryWeight: status.canary?.weights?.canary.weight ?? 0,
    removeManagedRoutes:
      promoted ||
      aborted ||
      !!status.promoteFull ||
      availableOf(context.fresh(context.newRS)) === 0,
    // Not on the first revision: Argo Rollouts runs no step of an initial deploy.
    headerRoute:
      !promoted && context.revision > 1 ? step?.setHeaderRoute : undefined,
  });
}

function pointCanaryServices(
  context: RolloutContext,
  canaryHash: string,
  stableHash: string,
): void {
  const canary = context.rollout.spec.strategy.canary!;
  const promoted = context.status.stableRS === context.newHash;
  context.pointService(
    canary.canaryService,
    promoted ? stableHash || canaryHash : canaryHash,
  );
  context.pointService(canary.stableService, stableHash || canaryHash);
}
