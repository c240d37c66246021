import {
  addPauseCondition,
  availableOf,
  clearPause,
  pauseCondition,
  replicasOf,
  type RolloutContext,
} from './RolloutContext';
import type { ReplicaSet } from '../kinds';

const DEFAULT_SCALE_DOWN_DELAY_SECONDS = 30;

/**
 * One sync of a blue-green Rollout (Argo's `rolloutBlueGreen`): the new ReplicaSet comes up behind
 * the preview Service, waits for promotion (manual, or automatic after autoPromotionSeconds), then
 * the active Service's selector switches to it and the old ReplicaSet is scaled down after
 * scaleDownDelaySeconds.
 */
export function syncBlueGreen(
  context: RolloutContext,
  all: readonly ReplicaSet[],
): void {
  const { rollout, status } = context;
  const blueGreen = rollout.spec.strategy.blueGreen!;
  const replicas = rollout.spec.replicas ?? 1;
  const activeHash = status.blueGreen?.activeSelector;
  const activeRS = activeHash
    ? all.find(rs => hashOf(rs) === activeHash)
    : undefined;
  const scaleDownDelay =
    blueGreen.scaleDownDelaySeconds ?? DEFAULT_SCALE_DOWN_DELAY_SECONDS;

  if (!status.abort) delete status.abortedAt;

  // The initial deploy, or the new ReplicaSet is already active.
  if (!activeRS || activeRS === context.newRS) {
    context.scale(context.newRS, replicas);
    for (const rs of all) {
      if (rs !== context.newRS && replicasOf(rs) > 0)
        context.scaleDownAfter(rs, scaleDownDelay);
    }
    if (!activeRS) switchActive(context, activeHash);
    context.pointService(blueGreen.previewService, context.newHash);
    status.blueGreen = {
      ...status.blueGreen,
      activeSelector: context.newHash,
      previewSelector: context.newHash,
    };
    if (
      status.stableRS !== context.newHash &&
      (!activeRS || availableOf(context.fresh(context.newRS)) >= replicas)
    ) {
      markStable(context, 'Initial deploy');
    }
    return;
  }

  context.pointService(blueGreen.previewService, context.newHash);
  status.blueGreen = { ...status.blueGreen, previewSelector: context.newHash };
  context.scale(activeRS, Math.max(replicasOf(activeRS), replicas));
  for (const rs of all) {
    if (rs !== context.newRS && rs !== activeRS && replicasOf(rs) > 0)
      context.scaleDownAfter(rs, scaleDownDelay);
  }

  if (status.abort) {
    if (!status.abortedAt)
      context.event(
        'RolloutAborted',
        `Rollout aborted update to revision ${context.revision}`,
        'Warning',
      );
    status.abortedAt ??= context.timestamp;
    clearPause(status);
    const delay =
      blueGreen.abortScaleDownDelaySeconds ?? DEFAULT_SCALE_DOWN_DELAY_SECONDS;
    if (delay > 0) context.scaleDownAfter(context.newRS, delay);
    return;
  }

  const fullPreview =
    status.blueGreen?.scaleUpPreviewCheckPoint ||
    status.promoteFull ||
    blueGreen.previewReplicaCount === undefined;
  const previewCount = fullPreview ? replicas : blueGreen.previewReplicaCount!;
  const newRS = context.scale(context.newRS, previewCount);
  if (rollout.spec.paused || availableOf(newRS) < previewCount) return;

  if (!status.promoteFull && !pauseCompleted(context)) return;
  if (previewCount < replicas) {
    // Promotion with a reduced preview: scale the preview up fully before switching.
    status.blueGreen = { ...status.blueGreen, scaleUpPreviewCheckPoint: true };
    clearPause(status);
    context.scale(newRS, replicas);
    return;
  }
  switchActive(context, activeHash);
  context.scaleDownAfter(activeRS, scaleDownDelay);
  markStable(
    context,
    status.promoteFull
      ? 'Full promotion requested'
      : 'Completed blue-green update',
  );
}

/** Whether the rollout may switch (Argo's `CompletedBlueGreenPause`), pausing it first when it must wait. */
function pauseCompleted(context: RolloutContext): boolean {
  const { status } = context;
  const blueGreen = context.rollout.spec.strategy.blueGreen!;
  const condition = pauseCondition(status, 'BlueGreenPause');
  if (status.blueGreen?.scaleUpPreviewCheckPoint) return true;
  if (blueGreen.autoPromotionEnabled !== false) {
    const seconds = blueGreen.autoPromotionSeconds ?? 0;
    if (seconds === 0) return true;
    if (!condition) {
      addPauseCondition(context, 'BlueGreenPause');
      context.wakeAt(context.now + seconds * 1000 + 1000);
      return false;
    }
    const deadline = Date.parse(condition.startTime) + seconds * 1000;
    if (context.now > deadline) return true;
    context.wakeAt(deadline + 1000);
    return false;
  }
  if (status.controllerPause && !condition) return true;
  if (!condition && !status.controllerPause)
    addPauseCondition(context, 'BlueGreenPause');
  return false;
}

function switchActive(
  context: RolloutContext,
  previousHash: string | undefined,
): void {
  const blueGreen = context.rollout.spec.strategy.blueGreen!;
  context.pointService(blueGreen.activeService, context.newHash);
  if (previousHash && previousHash !== context.newHash) {
    context.event(
      'SwitchService',
      `Switched selector for service '${blueGreen.activeService}' from '${previousHash}' to '${context.newHash}'`,
    );
  }
  context.status.blueGreen = {
    ...context.status.blueGreen,
    activeSelector: context.newHash,
  };
}

function markStable(context: RolloutContext, reason: string): void {
  const { status } = context;
  clearPause(status);
  status.promoteFull = false;
  status.blueGreen = { ...status.blueGreen, scaleUpPreviewCheckPoint: false };
  if (status.stableRS !== context.newHash) {
    status.stableRS = context.newHash;
    context.event(
      'RolloutCompleted',
      `Rollout completed update to revision ${context.revision} (${context.newHash}): ${reason}`,
    );
  }
}

function hashOf(rs: ReplicaSet): string | undefined {
  return rs.metadata.labels?.['rollouts-pod-template-hash'];
}
