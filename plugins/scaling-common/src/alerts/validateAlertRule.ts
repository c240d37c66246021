import { toPolicyProblems } from '../policy/validatePolicy';
import { alertRuleSchema } from './alertRuleSchema';
import type { AlertRuleProblem, AlertRuleSpec } from './types';

/** @public */
export type AlertRuleValidationResult =
  | { valid: true; rule: AlertRuleSpec }
  | { valid: false; problems: AlertRuleProblem[] };

/**
 * @public
 * Checks an alert rule from an untrusted source (a request body, the
 * editor's form) and returns it typed, or every problem found, each named
 * after its field, e.g. `conditions[1].signal`.
 */
export function validateAlertRule(rule: unknown): AlertRuleValidationResult {
  const result = alertRuleSchema.safeParse(rule);
  return result.success
    ? { valid: true, rule: result.data }
    : { valid: false, problems: toPolicyProblems(result.error.issues) };
}
