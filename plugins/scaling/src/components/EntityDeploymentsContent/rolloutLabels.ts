import {
  CanaryStep,
  ContainerImage,
  RolloutActionName,
  WorkloadRolloutState,
} from '@meschain/backstage-plugin-scaling-common';
import { formatCount } from '../../format';
import { deploymentStrategyLabels } from '../labels';

export const rolloutActionLabels: Record<RolloutActionName, string> = {
  promote: 'Promote',
  'promote-full': 'Promote full',
  abort: 'Abort',
  retry: 'Retry',
  restart: 'Restart',
  pause: 'Pause',
  resume: 'Resume',
  undo: 'Roll back',
  'set-image': 'Set image',
};

export const workloadStrategyLabels: Record<
  WorkloadRolloutState['strategy'],
  string
> = { ...deploymentStrategyLabels, recreate: 'Recreate' };

/** A pause's length as people say it: `45 s`, `2 min`, `1 min 30 s`. */
export function formatSeconds(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes === 0) {
    return `${rest} s`;
  }
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

/** One canary step in a few words: "Weight 20 %", "Pause 1 min", "Pause until promoted". */
export function describeCanaryStep(step: CanaryStep): string {
  switch (step.kind) {
    case 'setWeight':
      return `Weight ${step.weight} %`;
    case 'pause':
      return step.pauseSeconds === undefined
        ? 'Pause until promoted'
        : `Pause ${formatSeconds(step.pauseSeconds)}`;
    case 'setHeaderRoute':
      return step.headerRoute?.match
        ? `Route header ${describeHeaderMatches(step.headerRoute)}`
        : `Remove header route ${step.headerRoute?.name ?? ''}`.trim();
    case 'setCanaryScale':
      if (step.canaryScale?.matchTrafficWeight) {
        return 'Canary scale follows weight';
      }
      return step.canaryScale?.replicas !== undefined
        ? `Canary scale ${formatCount(step.canaryScale.replicas, 'replica')}`
        : `Canary scale ${step.canaryScale?.weight ?? 0} %`;
    case 'analysis':
      return 'Analysis';
    case 'experiment':
      return 'Experiment';
    default:
      return 'Other step';
  }
}

/** `X-MesChain-Variant = beta`, for each header the route matches. */
export function describeHeaderMatches(route: {
  match?: {
    headerName: string;
    headerValue: Record<string, string | undefined>;
  }[];
}): string {
  return (route.match ?? [])
    .map(({ headerName, headerValue }) => {
      if (headerValue.exact !== undefined) {
        return `${headerName} = ${headerValue.exact}`;
      }
      if (headerValue.prefix !== undefined) {
        return `${headerName} starts with ${headerValue.prefix}`;
      }
      return `${headerName} matches ${headerValue.regex ?? ''}`;
    })
    .join(', ');
}

/** `app: meschain/x:1.2.3`, or just the image when the workload has one container. */
export function describeImages(images: ContainerImage[]): string {
  if (images.length === 1) {
    return images[0].image;
  }
  return images
    .map(({ container, image }) => `${container}: ${image}`)
    .join(', ');
}

/** The history's names for audited rollout actions (`rollout.<action>`). */
export const rolloutHistoryLabels: Record<
  `rollout.${RolloutActionName}`,
  string
> = {
  'rollout.promote': 'Promoted rollout',
  'rollout.promote-full': 'Fully promoted rollout',
  'rollout.abort': 'Aborted rollout',
  'rollout.retry': 'Retried rollout',
  'rollout.restart': 'Restarted pods',
  'rollout.pause': 'Paused rollout',
  'rollout.resume': 'Resumed rollout',
  'rollout.undo': 'Rolled back',
  'rollout.set-image': 'Set image',
};
