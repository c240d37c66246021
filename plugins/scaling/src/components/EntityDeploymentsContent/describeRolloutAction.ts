import { WorkloadRolloutState } from '@meschain/backstage-plugin-scaling-common';
import {
  describeCanaryStep,
  describeImages,
  formatSeconds,
} from './rolloutLabels';
import { PendingRolloutAction } from './RolloutTarget';

function describePromote(workload: WorkloadRolloutState): string {
  const { canary, blueGreen } = workload;
  if (blueGreen) {
    const delay = formatSeconds(blueGreen.scaleDownDelaySeconds);
    return `Switches the active service ${blueGreen.active.service} to the preview version. The version active now keeps running for ${delay}, then scales down.`;
  }
  if (canary && canary.currentStepIndex !== undefined) {
    const next = canary.steps[canary.currentStepIndex + 1];
    return next
      ? `Ends the current pause and moves the canary on to step ${
          next.index + 1
        } of ${canary.steps.length}: ${describeCanaryStep(next)}.`
      : 'Ends the last pause: the canary becomes the stable version.';
  }
  return 'Ends the pause and lets the rollout continue.';
}

/** What confirming the action will do to the cluster, in a sentence or two. */
export function describeRolloutAction(pending: PendingRolloutAction): string {
  const { workload } = pending.target;
  const isRollout = workload.kind === 'Rollout';
  switch (pending.action) {
    case 'promote':
      return describePromote(workload);
    case 'promote-full':
      return 'Skips every remaining step, pause and analysis: the new version takes all traffic and becomes stable now.';
    case 'abort':
      return 'Sends all traffic back to the stable version and scales the new one down. The rollout stays aborted until you retry it or change its image.';
    case 'retry':
      return 'Clears the abort and runs the rollout again from its first step.';
    case 'restart':
      return isRollout
        ? 'Replaces every pod of the rollout with a fresh one, a few at a time (spec.restartAt). Images and steps do not change.'
        : 'Replaces every pod through a rolling update, as kubectl rollout restart does (the kubectl.kubernetes.io/restartedAt annotation). Images do not change.';
    case 'pause':
      return 'Stops the rolling update where it is (spec.paused). Pods already replaced stay replaced.';
    case 'resume':
      return 'Lets the paused rolling update continue.';
    case 'undo': {
      const revision = pending.revision;
      if (!revision) {
        return 'Returns to the previous revision.';
      }
      return `Returns to revision ${revision.revision} (${describeImages(
        revision.images,
      )}): its pod template becomes the newest revision and rolls out.`;
    }
    case 'set-image':
      return isRollout
        ? `Changes the image, which starts a new ${
            workload.blueGreen ? 'preview version' : 'canary'
          } that follows the rollout's strategy.`
        : 'Changes the image, which starts a rolling update.';
    default:
      return '';
  }
}
