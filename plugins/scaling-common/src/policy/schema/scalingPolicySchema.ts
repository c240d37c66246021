import { z } from 'zod';
import type { ScalingPolicy, ScalingTarget } from '../types';
import { behaviorSchema } from './behaviorSchema';
import { closedObject, given, wholeNumber, whenValid } from './fields';
import { targetsSchema } from './targetSchema';

/** @public The platform's guard-rails for the workload a policy is meant for. */
export interface ScalingPolicyLimits {
  /** The most replicas the platform allows, e.g. for the service's tier. */
  maxReplicas?: number;
  /** The tier the limit comes from, named in messages: `critical` gives "for critical services". */
  tier?: string;
  /** Whether `minReplicas` may be 0 (scale to zero is a separate permission). */
  allowZero?: boolean;
}

function minReplicasSchema({ allowZero }: ScalingPolicyLimits) {
  if (allowZero) {
    return wholeNumber({ min: 0 });
  }
  return wholeNumber()
    .refine(value => value !== 0, {
      error: 'must be at least 1: scaling to zero is not allowed here; got 0',
      abort: true,
    })
    .min(1);
}

function maxReplicasSchema({ maxReplicas: limit, tier }: ScalingPolicyLimits) {
  const schema = wholeNumber({ min: 1 });
  if (limit === undefined) {
    return schema;
  }
  const scope = tier
    ? `for ${tier} services`
    : 'under the platform guard-rails';
  return schema.max(limit, {
    error: issue => `must be at most ${limit} ${scope}${given(issue.input)}`,
  });
}

function readsObjectOrExternal(target: ScalingTarget): boolean {
  return target.kind === 'custom' && target.source !== 'Pods';
}

/**
 * The rules of a scaling policy under the given limits, for a request body,
 * the editor's form or config alike. Without limits (and with `allowZero`) it
 * accepts every policy that some workload's limits would accept.
 */
export function scalingPolicySchema(
  limits: ScalingPolicyLimits = {},
): z.ZodType<ScalingPolicy> {
  return closedObject(
    {
      minReplicas: minReplicasSchema(limits),
      maxReplicas: maxReplicasSchema(limits),
      targets: targetsSchema,
      behavior: behaviorSchema.optional(),
    },
    () => 'A scaling policy must be an object',
  )
    .superRefine(({ minReplicas, maxReplicas }, ctx) => {
      if (minReplicas > maxReplicas) {
        ctx.addIssue({
          code: 'custom',
          path: ['minReplicas'],
          message: `must be at most maxReplicas (${maxReplicas})${given(
            minReplicas,
          )}`,
        });
      }
    }, whenValid('minReplicas', 'maxReplicas'))
    .superRefine(({ minReplicas, targets }, ctx) => {
      // As upstream validation: with no pods, Resource and Pods metrics have nothing to measure.
      if (minReplicas === 0 && !targets.some(readsObjectOrExternal)) {
        ctx.addIssue({
          code: 'custom',
          path: ['minReplicas'],
          message:
            'can be 0 only when a custom metric is read as Object or External, which still report with no pods running',
        });
      }
    }, whenValid('minReplicas', 'targets'));
}
