import { findCondition } from '../conditions';
import type { Condition, Rollout, RolloutStatus } from '../kinds';
import { currentStep } from './canarySteps';

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

type ConditionInput = Omit<Condition, 'lastTransitionTime' | 'lastUpdateTime'>;

/**
 * Argo's `SetRolloutCondition`: a condition with the same status and reason is left as it is (its
 * message too); otherwise it is replaced and moved to the end, keeping lastTransitionTime when
 * only the reason changed. Returns whether anything changed.
 */
function setRolloutCondition(
  conditions: Condition[],
  next: ConditionInput,
  timestamp: string,
): boolean {
  const index = conditions.findIndex(c => c.type === next.type);
  const current = index >= 0 ? conditions[index] : undefined;
  if (current?.status === next.status && current.reason === next.reason)
    return false;
  if (index >= 0) conditions.splice(index, 1);
  conditions.push({
    ...next,
    lastUpdateTime: timestamp,
    lastTransitionTime:
      current?.status === next.status && current.lastTransitionTime
        ? current.lastTransitionTime
        : timestamp,
  });
  return true;
}

const PAUSED = { reason: 'RolloutPaused', message: 'Rollout is paused' };

function isPaused(rollout: Rollout, status: RolloutStatus): boolean {
  return !!status.pauseConditions?.length || !!rollout.spec.paused;
}

/** Argo's `RolloutCompleted`: the current pod template is the stable one. */
export function isPromoted(status: RolloutStatus): boolean {
  return !!status.stableRS && status.stableRS === status.currentPodHash;
}

/**
 * The conditions as Argo's `checkPausedConditions` leaves them at the start of a sync, from the
 * stored status: Progressing says RolloutPaused, RolloutResumed or RolloutRetry, and Paused
 * follows the pause (its reason and message stay RolloutPaused / "Rollout is paused" either way).
 */
export function checkPausedConditions(
  rollout: Rollout,
  timestamp: string,
): Condition[] {
  const stored = rollout.status ?? {};
  const conditions = [...(stored.conditions ?? [])];
  const progressing = findCondition(conditions, 'Progressing');
  const paused = isPaused(rollout, stored);
  const abortedCondition = progressing?.reason === 'RolloutAborted';
  const updates: ConditionInput[] = [];
  if (
    paused !== (progressing?.reason === PAUSED.reason) &&
    !abortedCondition &&
    !isPromoted(stored)
  ) {
    updates.push(
      paused
        ? { type: 'Progressing', status: 'Unknown', ...PAUSED }
        : {
            type: 'Progressing',
            status: 'Unknown',
            reason: 'RolloutResumed',
            message: 'Rollout is resumed',
          },
    );
  }
  if (!stored.abort && abortedCondition) {
    updates.push({
      type: 'Progressing',
      status: 'Unknown',
      reason: 'RolloutRetry',
      message: 'Retrying Rollout after abort',
    });
  }
  const pausedTrue = findCondition(conditions, 'Paused')?.status === 'True';
  if (paused !== pausedTrue && !abortedCondition) {
    updates.push({
      type: 'Paused',
      status: paused ? 'True' : 'False',
      ...PAUSED,
    });
  }
  for (const update of updates)
    setRolloutCondition(conditions, update, timestamp);
  return conditions;
}

/** Argo's `RolloutHealthy`: every replica updated and available, the strategy finished. */
function isHealthy(rollout: Rollout, status: RolloutStatus): boolean {
  const replicas = rollout.spec.replicas ?? 1;
  let completedStrategy = true;
  const blueGreen = rollout.spec.strategy.blueGreen;
  if (blueGreen) {
    completedStrategy =
      status.blueGreen?.activeSelector === status.currentPodHash &&
      (!blueGreen.previewService ||
        status.blueGreen?.previewSelector === status.currentPodHash);
  }
  const canary = rollout.spec.strategy.canary;
  if (canary) {
    const steps = canary.steps?.length ?? 0;
    const executedAllSteps =
      steps === 0 ||
      status.currentStepIndex === undefined ||
      status.currentStepIndex === steps;
    completedStrategy =
      executedAllSteps &&
      isPromoted(status) &&
      (status.replicas ?? 0) === replicas;
  }
  return (
    (status.updatedReplicas ?? 0) === replicas &&
    (status.availableReplicas ?? 0) === replicas &&
    rollout.status?.observedGeneration ===
      String(rollout.metadata.generation) &&
    completedStrategy
  );
}

/** Argo's `RolloutProgressing`: anything moved since the stored status. */
function isProgressing(rollout: Rollout, status: RolloutStatus): boolean {
  const old = rollout.status ?? {};
  let strategyProgress = false;
  if (rollout.spec.strategy.blueGreen) {
    strategyProgress =
      old.blueGreen?.activeSelector !== status.blueGreen?.activeSelector ||
      old.blueGreen?.previewSelector !== status.blueGreen?.previewSelector;
  }
  if (rollout.spec.strategy.canary) {
    strategyProgress =
      status.stableRS !== old.stableRS ||
      (status.currentStepIndex !== undefined &&
        old.currentStepIndex !== undefined &&
        status.currentStepIndex !== old.currentStepIndex) ||
      status.currentStepHash !== old.currentStepHash;
  }
  const n = (value: number | undefined) => value ?? 0;
  return (
    n(status.updatedReplicas) !== n(old.updatedReplicas) ||
    n(status.replicas) - n(status.updatedReplicas) <
      n(old.replicas) - n(old.updatedReplicas) ||
    n(status.readyReplicas) > n(old.readyReplicas) ||
    n(status.availableReplicas) > n(old.availableReplicas) ||
    strategyProgress
  );
}

/**
 * Argo's `isIndefiniteStep`: a step (pause, analysis, experiment) or a blue-green pause that may
 * take as long as it takes, which the progress deadline does not count.
 */
function isIndefiniteStep(rollout: Rollout): boolean {
  const step = currentStep(rollout);
  if (step && (step.pause || step.analysis || step.experiment)) return true;
  return findCondition(rollout.status?.conditions, 'Paused')?.status === 'True';
}

/** Argo's `RolloutTimedOut`: no progress for `progressDeadlineSeconds` (default 600). */
function isTimedOut(
  rollout: Rollout,
  conditions: readonly Condition[],
  now: number,
): boolean {
  const condition = findCondition(conditions, 'Progressing');
  if (
    !condition ||
    condition.reason === 'RolloutAborted' ||
    condition.reason === 'RolloutPaused'
  )
    return false;
  if (condition.reason === 'ProgressDeadlineExceeded') return true;
  const since = Date.parse(condition.lastUpdateTime ?? '');
  const seconds = rollout.spec.progressDeadlineSeconds ?? 600;
  return Number.isFinite(since) && since + seconds * 1000 < now;
}

/**
 * The Healthy, Progressing, Available and Completed conditions Argo's
 * `calculateRolloutConditions` derives from the new status, on top of `conditions` (the stored
 * ones after `checkPausedConditions`).
 */
export function rolloutConditions(
  rollout: Rollout,
  status: RolloutStatus,
  conditions: Condition[],
  context: {
    newRSName: string;
    revision: number;
    timestamp: string;
    now: number;
    /** Another ReplicaSet still waits for its scale-down deadline. */
    waitingForScaleDown: boolean;
    /** Enough pods available: all of the canary's, or a saturated active ReplicaSet. */
    available: boolean;
  },
): Condition[] {
  const list = [...conditions];
  const set = (next: ConditionInput) =>
    setRolloutCondition(list, next, context.timestamp);
  const paused = isPaused(rollout, status);
  const aborted = !!status.abort;
  const healthy = isHealthy(rollout, status);

  let becameUnhealthy = false;
  if (!paused && healthy) {
    set({
      type: 'Healthy',
      status: 'True',
      reason: 'RolloutHealthy',
      message: 'Rollout is healthy',
    });
  } else if (findCondition(rollout.status?.conditions, 'Healthy')) {
    becameUnhealthy = set({
      type: 'Healthy',
      status: 'False',
      reason: 'RolloutHealthy',
      message: 'Rollout is not healthy',
    });
  }

  if (aborted) {
    set({
      type: 'Progressing',
      status: 'False',
      reason: 'RolloutAborted',
      message: `Rollout aborted update to revision ${context.revision}`,
    });
  } else if (healthy) {
    set({
      type: 'Progressing',
      status: 'True',
      reason: 'NewReplicaSetAvailable',
      message: `ReplicaSet "${context.newRSName}" has successfully progressed.`,
    });
  } else if (isProgressing(rollout, status) || becameUnhealthy) {
    // Progress refreshes the condition (and its lastUpdateTime, which the deadline counts from).
    const notAvailable = isPromoted(status) && becameUnhealthy;
    const current = findCondition(rollout.status?.conditions, 'Progressing');
    const index = list.findIndex(c => c.type === 'Progressing');
    if (index >= 0) list.splice(index, 1);
    list.push({
      type: 'Progressing',
      status: 'True',
      reason: notAvailable ? 'ReplicaSetNotAvailable' : 'ReplicaSetUpdated',
      message: notAvailable
        ? 'Rollout does not have minimum availability'
        : `ReplicaSet "${context.newRSName}" is progressing.`,
      lastUpdateTime: context.timestamp,
      lastTransitionTime:
        current?.status === 'True' && current.lastTransitionTime
          ? current.lastTransitionTime
          : context.timestamp,
    });
  } else if (
    !isIndefiniteStep(rollout) &&
    !context.waitingForScaleDown &&
    isTimedOut(rollout, list, context.now)
  ) {
    set({
      type: 'Progressing',
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
      message: `ReplicaSet "${context.newRSName}" has timed out progressing.`,
    });
  }

  set(
    context.available
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
  // Argo words Completed the same way whether it holds or not.
  set({
    type: 'Completed',
    status: isPromoted(status) ? 'True' : 'False',
    reason: 'RolloutCompleted',
    message: 'RolloutCompleted',
  });
  return list;
}

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** A value Go's `omitempty` leaves out: false, 0, "", null and empty lists. */
function isOmittedWhenEmpty(value: Json): boolean {
  return (
    value === undefined ||
    value === null ||
    value === false ||
    value === 0 ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  );
}

function withoutEmpty(
  value: Record<string, Json> | undefined,
  keep: readonly string[] = [],
): Record<string, Json> {
  return Object.fromEntries(
    Object.entries(value ?? {}).filter(([key, item]) =>
      keep.includes(key)
        ? item !== undefined && item !== null
        : !isOmittedWhenEmpty(item),
    ),
  );
}

/**
 * The status as Argo's Go types marshal it: `omitempty` fields dropped when empty, and the
 * `canary` and `blueGreen` structs always present (`{}` when empty), since Go never omits a struct.
 */
function asArgoMarshals(
  status: RolloutStatus | undefined,
): Record<string, Json> {
  // Pointers (`*int32`, `*bool`) are only left out when nil: a step index of 0 stays.
  const top = withoutEmpty(status as Record<string, Json> | undefined, [
    'currentStepIndex',
    'collisionCount',
  ]);
  const canary = withoutEmpty(status?.canary as Record<string, Json>);
  const weights = canary.weights as Record<string, Json> | undefined;
  if (weights) {
    canary.weights = {
      ...withoutEmpty(weights, ['verified']),
      canary: withoutEmpty(weights.canary as Record<string, Json>, ['weight']),
      stable: withoutEmpty(weights.stable as Record<string, Json>, ['weight']),
    };
  }
  return {
    ...top,
    canary,
    blueGreen: withoutEmpty(status?.blueGreen as Record<string, Json>),
  };
}

/**
 * What `stored` becomes when Argo writes `next`: it sends a JSON merge patch of the difference
 * between the two as its Go types marshal them, so fields it sees no change in keep whatever the
 * stored object says — e.g. the `abort: false` that `kubectl argo rollouts retry` wrote.
 */
export function persistedStatus(
  stored: RolloutStatus | undefined,
  next: RolloutStatus,
): RolloutStatus {
  const merged = mergeChanges(
    stored ?? {},
    asArgoMarshals(stored),
    asArgoMarshals(next),
  ) as RolloutStatus;
  // Argo's first write of a status carries its empty structs too.
  merged.canary ??= {};
  merged.blueGreen ??= {};
  return JSON.parse(JSON.stringify(merged)) as RolloutStatus;
}

function mergeChanges(raw: Json, before: Json, after: Json): Json {
  if (!isObject(before) || !isObject(after) || !isObject(raw))
    return isDeepEqual(before, after) ? raw : after;
  const result: Record<string, Json> = { ...raw };
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (!(key in after)) delete result[key];
    else if (!(key in before)) result[key] = after[key];
    else result[key] = mergeChanges(raw[key], before[key], after[key]);
  }
  return result;
}

function isDeepEqual(a: Json, b: Json): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
