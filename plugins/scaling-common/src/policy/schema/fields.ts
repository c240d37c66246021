/**
 * Schemas of single fields, whose messages are written for the person who
 * typed the value: what the field must be, and what was given. The field's
 * name is put in front when the issue becomes a `PolicyProblem`.
 */
import { z } from 'zod';

type Issue = z.core.$ZodRawIssue;

/** `; got "10"`: the value as a message quotes it, strings in quotes so `"10"` reads as text. */
export function given(value: unknown): string {
  if (typeof value === 'string') {
    return `; got ${JSON.stringify(value)}`;
  }
  if (Array.isArray(value)) {
    return '; got a list';
  }
  if (typeof value === 'object' && value !== null) {
    return '; got an object';
  }
  return `; got ${String(value)}`;
}

/** A message for a value of the wrong type: "is required" when it is missing. */
function wrongType(requirement: string, whenMissing = 'is required') {
  return (issue: Issue) =>
    issue.input === undefined
      ? whenMissing
      : `${requirement}${given(issue.input)}`;
}

export interface NumberRule {
  min?: number;
  max?: number;
  /** Appended to the bounds in messages, e.g. ' %' or ' s'. */
  unit?: string;
}

function numberMessage(requirement: string, unit = '') {
  const typeMessage = wrongType(requirement);
  return (issue: Issue) => {
    if (issue.code === 'too_small') {
      const bound = issue.inclusive ? 'at least' : 'greater than';
      return `must be ${bound} ${issue.minimum}${unit}${given(issue.input)}`;
    }
    if (issue.code === 'too_big') {
      return `must be at most ${issue.maximum}${unit}${given(issue.input)}`;
    }
    return typeMessage(issue);
  };
}

/** A whole number within the rule's bounds. */
export function wholeNumber({ min, max, unit }: NumberRule = {}) {
  let schema = z.int({ error: numberMessage('must be a whole number', unit) });
  if (min !== undefined) {
    schema = schema.min(min);
  }
  if (max !== undefined) {
    schema = schema.max(max);
  }
  return schema;
}

/** A finite number greater than 0. */
export function positiveNumber() {
  return z
    .number({ error: numberMessage('must be a number') })
    .gt(0, { abort: true });
}

export function choice<const T extends readonly [string, ...string[]]>(
  choices: T,
) {
  const names = choices.join(', ');
  return z.enum(choices, {
    error: wrongType(`must be one of ${names}`, `is required: one of ${names}`),
  });
}

/** Text with something other than spaces in it. */
export function text() {
  return z.string({ error: wrongType('must be non-empty text') }).regex(/\S/);
}

export function flag() {
  return z.boolean({
    error: wrongType('must be true or false', 'is required: true or false'),
  });
}

export function list<T extends z.ZodType>(item: T) {
  return z.array(item, { error: wrongType('must be a list') });
}

export function mustBeAnObject(issue: Issue): string {
  return `must be an object${given(issue.input)}`;
}

/**
 * An object that rejects fields it does not know, which would otherwise be
 * silently ignored. Each such field becomes a problem of its own.
 */
export function closedObject<Shape extends z.ZodRawShape>(
  shape: Shape,
  notAnObject = mustBeAnObject,
) {
  const fields = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: issue =>
      issue.code === 'unrecognized_keys'
        ? `is not a known field; expected one of ${fields}`
        : notAnObject(issue),
  });
}

/**
 * Runs a rule across fields only when none of them has a problem of its own;
 * with no fields named, only when the value has no problem at all.
 */
export function whenValid(...fields: PropertyKey[]) {
  return {
    when: (payload: z.core.ParsePayload) =>
      !payload.issues.some(
        ({ path = [] }) => fields.length === 0 || fields.includes(path[0]),
      ),
  };
}
