import { PolicyProblem } from '@meschain/backstage-plugin-scaling-common';

/** The messages of the problems at exactly `field`, joined, or undefined when there are none. */
export function problemAt(
  problems: PolicyProblem[],
  field: string,
): string | undefined {
  const messages = problems
    .filter(problem => problem.field === field)
    .map(problem => problem.message);
  return messages.length > 0 ? [...new Set(messages)].join('; ') : undefined;
}
