import type { z } from 'zod';
import type { PolicyProblem, ScalingPolicy } from './types';
import {
  ScalingPolicyLimits,
  scalingPolicySchema,
} from './schema/scalingPolicySchema';

/** @public */
export type PolicyValidationResult =
  | { valid: true; policy: ScalingPolicy }
  | { valid: false; problems: PolicyProblem[] };

/** `['targets', 1, 'value']` → `targets[1].value`. */
function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => {
      if (typeof key === 'number') {
        return `[${key}]`;
      }
      return index === 0 ? String(key) : `.${String(key)}`;
    })
    .join('');
}

/** A problem whose message starts with the field's own name, such as `policies[0]`. */
function problemAt(
  path: readonly PropertyKey[],
  message: string,
): PolicyProblem {
  if (path.length === 0) {
    return { field: '', message };
  }
  let nameStart = path.length - 1;
  while (nameStart > 0 && typeof path[nameStart] === 'number') {
    nameStart -= 1;
  }
  return {
    field: fieldPath(path),
    message: `${fieldPath(path.slice(nameStart))} ${message}`,
  };
}

/**
 * The issues of a failed `scalingPolicySchema` parse as problems, each named
 * after the path of its field so a form can show it in place.
 */
export function toPolicyProblems(
  issues: readonly z.core.$ZodIssue[],
): PolicyProblem[] {
  return issues.flatMap(issue =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map(key => problemAt([...issue.path, key], issue.message))
      : [problemAt(issue.path, issue.message)],
  );
}

/**
 * @public
 * Checks a policy from an untrusted source (a request body, the editor's form,
 * config) and returns it typed, or every problem found.
 */
export function validateScalingPolicy(
  policy: unknown,
  limits: ScalingPolicyLimits = {},
): PolicyValidationResult {
  const result = scalingPolicySchema(limits).safeParse(policy);
  return result.success
    ? { valid: true, policy: result.data }
    : { valid: false, problems: toPolicyProblems(result.error.issues) };
}

/**
 * @public
 * Checks only what holds for every workload: the most permissive check, which
 * accepts whatever some workload's limits would accept. A request body can be
 * checked with it before the entity, and so its limits, is known.
 */
export function validatePolicyShape(policy: unknown): PolicyValidationResult {
  return validateScalingPolicy(policy, { allowZero: true });
}
