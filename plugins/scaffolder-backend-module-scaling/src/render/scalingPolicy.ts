import { InputError } from '@backstage/errors';
import {
  ScalingPolicy,
  ScalingPreset,
  ScalingTarget,
  validateScalingPolicy,
} from '@meschain/backstage-plugin-scaling-common';
import { ReplicaLimit } from '@meschain/backstage-plugin-scaling-node';
import { ScalingParameters } from './types';

/** The preset's first target with the value the user chose. */
function withTargetValue(target: ScalingTarget, value: number): ScalingTarget {
  switch (target.kind) {
    case 'cpu':
    case 'memory':
      return { ...target, averageUtilization: value };
    case 'requests':
      return { ...target, requestsPerMinutePerReplica: value };
    default:
      return { ...target, value };
  }
}

/**
 * The policy of a preset with the user's parameters, validated within the
 * tier's replica limit.
 *
 * @throws InputError naming every field in `scaling.*` that is wrong
 */
export function scalingPolicyFor(
  parameters: ScalingParameters,
  presets: readonly ScalingPreset[],
  limit: ReplicaLimit,
): ScalingPolicy {
  const preset = presets.find(p => p.name === parameters.preset);
  if (!preset) {
    throw new InputError(
      `scaling.preset: ${JSON.stringify(
        parameters.preset,
      )} is not one of the platform's presets (${presets
        .map(p => p.name)
        .join(', ')})`,
    );
  }
  const [first, ...others] = preset.policy.targets;
  const policy = {
    ...preset.policy,
    ...(parameters.minReplicas !== undefined && {
      minReplicas: parameters.minReplicas,
    }),
    ...(parameters.maxReplicas !== undefined && {
      maxReplicas: parameters.maxReplicas,
    }),
    targets:
      parameters.target === undefined
        ? preset.policy.targets
        : [withTargetValue(first, parameters.target), ...others],
  };
  const result = validateScalingPolicy(policy, limit);
  if (!result.valid) {
    throw new InputError(
      result.problems
        .map(problem =>
          problem.field.startsWith('targets[0]') &&
          parameters.target !== undefined
            ? `scaling.target: ${problem.message}`
            : `scaling.${problem.field}: ${problem.message}`,
        )
        .join('; '),
    );
  }
  return result.policy;
}
