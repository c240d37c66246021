import { z } from 'zod';
import { toPolicyProblems } from '../policy/validatePolicy';
import { closedObject, given, text } from '../policy/schema/fields';
import type { AlertRuleProblem } from './types';

/** @public A maintenance window as an owner asks for it: an Alertmanager silence of the service's alerts. */
export interface MaintenanceWindowRequest {
  /** ISO 8601. */
  startsAt: string;
  /** ISO 8601, after `startsAt`. */
  endsAt: string;
  comment: string;
  /** Silences one region's alerts only; every region's when absent. */
  region?: string;
}

/** @public The longest maintenance window allowed, in days. */
export const MAX_MAINTENANCE_WINDOW_DAYS = 7;

const MAX_COMMENT_LENGTH = 500;

function instant() {
  return z
    .string({
      error: issue =>
        issue.input === undefined
          ? 'is required: a date and time such as 2026-12-05T22:00:00Z'
          : `must be a date and time such as 2026-12-05T22:00:00Z${given(
              issue.input,
            )}`,
    })
    .refine(value => !Number.isNaN(Date.parse(value)), {
      error: issue =>
        `must be a date and time such as 2026-12-05T22:00:00Z${given(
          issue.input,
        )}`,
    });
}

function maintenanceWindowSchema(now: Date) {
  return closedObject(
    {
      startsAt: instant(),
      endsAt: instant(),
      comment: text().max(
        MAX_COMMENT_LENGTH,
        `must be at most ${MAX_COMMENT_LENGTH} characters`,
      ),
      region: text()
        .regex(/^[a-z0-9][a-z0-9-]*$/, {
          error: issue =>
            `must be a region id such as eu-west${given(issue.input)}`,
        })
        .optional(),
    },
    () => 'A maintenance window must be an object',
  ).superRefine(({ startsAt, endsAt }, ctx) => {
    const start = Date.parse(startsAt);
    const end = Date.parse(endsAt);
    if (end <= start) {
      ctx.addIssue({
        code: 'custom',
        path: ['endsAt'],
        message: `must be after startsAt (${startsAt})${given(endsAt)}`,
      });
    } else if (end <= now.getTime()) {
      ctx.addIssue({
        code: 'custom',
        path: ['endsAt'],
        message: `must be in the future${given(endsAt)}`,
      });
    } else if (end - start > MAX_MAINTENANCE_WINDOW_DAYS * 86_400_000) {
      ctx.addIssue({
        code: 'custom',
        path: ['endsAt'],
        message: `must be at most ${MAX_MAINTENANCE_WINDOW_DAYS} days after startsAt; a longer window would hide real outages${given(
          endsAt,
        )}`,
      });
    }
  });
}

/** @public */
export type MaintenanceWindowValidationResult =
  | { valid: true; window: MaintenanceWindowRequest }
  | { valid: false; problems: AlertRuleProblem[] };

/**
 * @public
 * Checks a maintenance window from an untrusted source: real instants, the
 * end after the start and in the future, at most a week long.
 */
export function validateMaintenanceWindow(
  request: unknown,
  now: Date = new Date(),
): MaintenanceWindowValidationResult {
  const result = maintenanceWindowSchema(now).safeParse(request);
  return result.success
    ? { valid: true, window: result.data }
    : { valid: false, problems: toPolicyProblems(result.error.issues) };
}
