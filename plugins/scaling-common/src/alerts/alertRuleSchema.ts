/** The rules of an alert rule, for a request body and the editor's form alike. */
import { z } from 'zod';
import {
  GOLDEN_SIGNALS,
  GoldenSignal,
  isPromDuration,
  promDurationSeconds,
} from '../health';
import {
  choice,
  closedObject,
  given,
  list,
  mustBeAnObject,
  text,
} from '../policy/schema/fields';
import { ALERT_SEVERITIES, AlertRuleSpec } from './types';

/** The seconds of a duration the schema has already checked. */
export function durationSeconds(value: string): number {
  return promDurationSeconds(value) ?? NaN;
}

/** A Prometheus duration between `min` and `max`, both written as durations. */
function duration(min: string, max: string) {
  return z
    .string({
      error: issue =>
        issue.input === undefined
          ? 'is required: a duration such as 5m'
          : `must be a duration such as 5m${given(issue.input)}`,
    })
    .refine(isPromDuration, {
      error: issue =>
        `must be a duration such as 5m or 1h30m${given(issue.input)}`,
      abort: true,
    })
    .refine(
      value =>
        durationSeconds(value) >= durationSeconds(min) &&
        durationSeconds(value) <= durationSeconds(max),
      {
        error: issue =>
          `must be between ${min} and ${max}${given(issue.input)}`,
      },
    );
}

function number({ min, max }: { min: number; max?: number }) {
  const schema = z.number({
    error: issue =>
      issue.input === undefined
        ? 'is required'
        : `must be a number${given(issue.input)}`,
  });
  const atLeast = schema.min(min, {
    error: issue => `must be at least ${min}${given(issue.input)}`,
  });
  return max === undefined
    ? atLeast
    : atLeast.max(max, {
        error: issue => `must be at most ${max}${given(issue.input)}`,
      });
}

// The list is not empty, which `choice` needs to know.
const signal = choice(
  GOLDEN_SIGNALS as readonly [GoldenSignal, ...GoldenSignal[]],
);
const comparison = choice(['above', 'below']);

const signalCondition = closedObject({
  signal,
  comparison,
  value: number({ min: 0 }),
  window: duration('1m', '1d').optional(),
});

const zScoreAnomaly = closedObject({
  method: z.literal('zScore'),
  signal,
  comparison,
  zScore: number({ min: 0.5, max: 100 }),
});

const predictLinearAnomaly = closedObject({
  method: z.literal('predictLinear'),
  signal,
  comparison,
  value: number({ min: 0 }),
  horizon: duration('5m', '7d'),
  lookback: duration('5m', '1d'),
});

const anomaly = z
  .looseObject(
    { method: choice(['zScore', 'predictLinear']) },
    { error: mustBeAnObject },
  )
  .pipe(z.discriminatedUnion('method', [zScoreAnomaly, predictLinearAnomaly]));

const MAX_CONDITIONS = 5;

const conditions = list(signalCondition)
  .min(2, 'must list at least two conditions; use a threshold rule for one')
  .max(MAX_CONDITIONS, `must list at most ${MAX_CONDITIONS} conditions`);

const common = {
  name: text()
    .max(100, 'must be at most 100 characters')
    .regex(/^[A-Za-z][A-Za-z0-9_]*$/, {
      error: issue =>
        `must start with a letter and have only letters, digits and _, e.g. HighErrorRatio${given(
          issue.input,
        )}`,
    }),
  severity: choice(ALERT_SEVERITIES),
  region: text()
    .regex(/^[a-z0-9][a-z0-9-]*$/, {
      error: issue =>
        `must be a region id such as eu-west${given(issue.input)}`,
    })
    .optional(),
  for: duration('0s', '1d'),
  description: z
    .string({ error: issue => `must be text${given(issue.input)}` })
    .max(1000, 'must be at most 1000 characters')
    .optional(),
};

/** @public The kinds of alert rule, as a form offers them. */
export const ALERT_RULE_KINDS = ['threshold', 'anomaly', 'composite'] as const;

/** An alert rule: its kind first, then the fields of that kind. */
export const alertRuleSchema: z.ZodType<AlertRuleSpec> = z
  .looseObject(
    { kind: choice(ALERT_RULE_KINDS) },
    { error: () => 'An alert rule must be an object' },
  )
  .pipe(
    z.discriminatedUnion('kind', [
      closedObject({
        ...common,
        kind: z.literal('threshold'),
        threshold: signalCondition,
      }),
      closedObject({
        ...common,
        kind: z.literal('anomaly'),
        anomaly,
      }),
      closedObject({
        ...common,
        kind: z.literal('composite'),
        conditions,
      }),
    ]),
  );
