import { InputError } from '@backstage/errors';
import { AlertRuleProblem } from '@meschain/backstage-plugin-scaling-common';

/** An alert rule or maintenance window that failed validation; the router sends `problems` beside the error, as for a policy. */
export class AlertInputError extends InputError {
  readonly problems: AlertRuleProblem[];

  constructor(subject: string, problems: AlertRuleProblem[]) {
    super(
      `Invalid ${subject}: ${problems
        .map(p => (p.field ? `${p.field}: ${p.message}` : p.message))
        .join('; ')}`,
    );
    this.problems = problems;
  }
}
