import { ConflictError, InputError } from '@backstage/errors';
import { PolicyProblem } from '@meschain/backstage-plugin-scaling-common';
import { kubernetesFailureOf } from '../Clusters';

/** A policy that failed validation; the router sends `problems` beside the error so an editor can place them. */
export class PolicyInputError extends InputError {
  readonly problems: PolicyProblem[];

  constructor(problems: PolicyProblem[]) {
    super(
      `Invalid scaling policy: ${problems
        .map(p => `${p.field ? `policy.${p.field}` : 'policy'} ${p.message}`)
        .join('; ')}`,
    );
    this.problems = problems;
  }
}

/**
 * Says what a failed resourceVersion precondition means to the user: someone
 * else changed the object after they loaded it.
 */
export function explainStaleVersion(error: unknown, objectDescription: string) {
  if (kubernetesFailureOf(error)?.httpStatus === 409) {
    return new ConflictError(
      `${objectDescription} was changed since you loaded it; reload and try again`,
    );
  }
  return error;
}
