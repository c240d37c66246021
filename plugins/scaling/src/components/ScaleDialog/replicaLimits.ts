import { ScalingGuardRails } from '@meschain/backstage-plugin-scaling-common';

/** What is wrong with a replica count under the guard-rails, or undefined when nothing is. */
export function replicaCountProblem(
  value: number,
  guardRails: ScalingGuardRails,
): string | undefined {
  if (!Number.isInteger(value)) {
    return 'Enter a whole number of replicas';
  }
  if (value < 0) {
    return 'Replicas cannot be negative';
  }
  if (value === 0 && !guardRails.scaleToZeroAllowed) {
    return 'Scaling to zero needs the scaling.replicas.zero permission';
  }
  if (value > guardRails.maxReplicas) {
    return `At most ${guardRails.maxReplicas} replicas${
      guardRails.tier ? ` for ${guardRails.tier} services` : ''
    }`;
  }
  return undefined;
}

/** The guard-rails as one sentence for the dialogs. */
export function describeGuardRails(guardRails: ScalingGuardRails): string {
  const limit = `Platform guard-rails: at most ${
    guardRails.maxReplicas
  } replicas${guardRails.tier ? ` for ${guardRails.tier} services` : ''}`;
  return `${limit}; scaling to zero is ${
    guardRails.scaleToZeroAllowed ? 'allowed' : 'not allowed'
  } for you.`;
}
