import type { PolicyProblem, ScalingPolicy, ScalingTarget } from './types';
import {
  addProblem,
  isRecord,
  Problems,
  readNumber,
  rejectUnknownFields,
  UnknownRecord,
} from './validation/fieldReaders';
import { readBehavior } from './validation/readBehavior';
import { readTargets } from './validation/readTargets';

/** @public The platform's guard-rails for the workload a policy is meant for. */
export interface ScalingPolicyLimits {
  /** The most replicas the platform allows, e.g. for the service's tier. */
  maxReplicas?: number;
  /** The tier the limit comes from, named in messages: `critical` gives "for critical services". */
  tier?: string;
  /** Whether `minReplicas` may be 0 (scale to zero is a separate permission). */
  allowZero?: boolean;
}

/** @public */
export type PolicyValidationResult =
  | { valid: true; policy: ScalingPolicy }
  | { valid: false; problems: PolicyProblem[] };

const POLICY_FIELDS = ['minReplicas', 'maxReplicas', 'targets', 'behavior'];

function readMinReplicas(
  record: UnknownRecord,
  limits: ScalingPolicyLimits,
  problems: Problems,
): number | undefined {
  if (record.minReplicas === 0 && !limits.allowZero) {
    addProblem(
      problems,
      'minReplicas',
      'must be at least 1: scaling to zero is not allowed here',
      { value: 0 },
    );
    return undefined;
  }
  return readNumber(record.minReplicas, 'minReplicas', problems, {
    wholeNumber: true,
    min: limits.allowZero ? 0 : 1,
  });
}

function readMaxReplicas(
  record: UnknownRecord,
  limits: ScalingPolicyLimits,
  problems: Problems,
): number | undefined {
  const maxReplicas = readNumber(record.maxReplicas, 'maxReplicas', problems, {
    wholeNumber: true,
    min: 1,
  });
  const limit = limits.maxReplicas;
  if (maxReplicas !== undefined && limit !== undefined && maxReplicas > limit) {
    const scope = limits.tier
      ? `for ${limits.tier} services`
      : 'under the platform guard-rails';
    addProblem(problems, 'maxReplicas', `must be at most ${limit} ${scope}`, {
      value: maxReplicas,
    });
    return undefined;
  }
  return maxReplicas;
}

function readsObjectOrExternal(target: ScalingTarget): boolean {
  return target.kind === 'custom' && target.source !== 'Pods';
}

/**
 * @public
 * Checks a policy from an untrusted source (a request body, the editor's form,
 * config) and returns it typed, or every problem found, each with the path of
 * its field so a form can show it in place.
 */
export function validateScalingPolicy(
  policy: unknown,
  limits: ScalingPolicyLimits = {},
): PolicyValidationResult {
  if (!isRecord(policy)) {
    return {
      valid: false,
      problems: [{ field: '', message: 'A scaling policy must be an object' }],
    };
  }
  const problems: Problems = [];
  rejectUnknownFields(policy, POLICY_FIELDS, '', problems);
  const minReplicas = readMinReplicas(policy, limits, problems);
  const maxReplicas = readMaxReplicas(policy, limits, problems);
  if (
    minReplicas !== undefined &&
    maxReplicas !== undefined &&
    minReplicas > maxReplicas
  ) {
    addProblem(
      problems,
      'minReplicas',
      `must be at most maxReplicas (${maxReplicas})`,
      {
        value: minReplicas,
      },
    );
  }
  const targets = readTargets(policy.targets, problems);
  // As upstream validation: with no pods, Resource and Pods metrics have nothing to measure.
  if (minReplicas === 0 && targets && !targets.some(readsObjectOrExternal)) {
    addProblem(
      problems,
      'minReplicas',
      'can be 0 only when a custom metric is read as Object or External, which still report with no pods running',
    );
  }
  const behavior =
    policy.behavior === undefined
      ? undefined
      : readBehavior(policy.behavior, 'behavior', problems);

  if (
    problems.length > 0 ||
    minReplicas === undefined ||
    maxReplicas === undefined ||
    !targets
  ) {
    return { valid: false, problems };
  }
  return {
    valid: true,
    policy: {
      minReplicas,
      maxReplicas,
      targets,
      ...(behavior && { behavior }),
    },
  };
}
