/**
 * Readers for untrusted input: each checks one value, records a problem named
 * after its path when the value is wrong, and returns it typed when it is right.
 *
 * Messages are written for the person who typed the value: they name the
 * field, what it must be, and what was given.
 */
import type { PolicyProblem } from '../types';

/** Where a reader records what it found wrong. */
export type Problems = PolicyProblem[];

export type UnknownRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is UnknownRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `targets[1]` + `averageUtilization` → `targets[1].averageUtilization`. */
export function joinPath(parent: string, key: string | number): string {
  if (typeof key === 'number') {
    return `${parent}[${key}]`;
  }
  return parent ? `${parent}.${key}` : key;
}

/** The last segment of a path, which is how a message names the field. */
function fieldName(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1) || 'value';
}

/** The given value as a message quotes it: strings in quotes, so `"10"` reads as text. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return 'a list';
  }
  if (isRecord(value)) {
    return 'an object';
  }
  return String(value);
}

export function addProblem(
  problems: Problems,
  path: string,
  requirement: string,
  given?: { value: unknown },
): void {
  const got = given ? `; got ${describeValue(given.value)}` : '';
  problems.push({
    field: path,
    message: `${fieldName(path)} ${requirement}${got}`,
  });
}

export function readRecord(
  value: unknown,
  path: string,
  problems: Problems,
): UnknownRecord | undefined {
  if (isRecord(value)) {
    return value;
  }
  addProblem(problems, path, 'must be an object', { value });
  return undefined;
}

/** Flags misspelt or unsupported fields, which would otherwise be silently ignored. */
export function rejectUnknownFields(
  record: UnknownRecord,
  allowed: readonly string[],
  path: string,
  problems: Problems,
): void {
  for (const key of Object.keys(record)) {
    if (!allowed.includes(key)) {
      addProblem(
        problems,
        joinPath(path, key),
        `is not a known field; expected one of ${allowed.join(', ')}`,
      );
    }
  }
}

export interface NumberRule {
  wholeNumber?: boolean;
  min?: number;
  max?: number;
  /** Appended to the bounds in messages, e.g. ' %' or ' s'. */
  unit?: string;
}

/** A number within the rule's bounds; undefined (with a problem) otherwise. */
export function readNumber(
  value: unknown,
  path: string,
  problems: Problems,
  rule: NumberRule = {},
): number | undefined {
  const { wholeNumber = false, min, max, unit = '' } = rule;
  if (value === undefined) {
    addProblem(problems, path, 'is required');
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    addProblem(
      problems,
      path,
      wholeNumber ? 'must be a whole number' : 'must be a number',
      { value },
    );
    return undefined;
  }
  if (wholeNumber && !Number.isInteger(value)) {
    addProblem(problems, path, 'must be a whole number', { value });
    return undefined;
  }
  if (min !== undefined && value < min) {
    addProblem(problems, path, `must be at least ${min}${unit}`, { value });
    return undefined;
  }
  if (max !== undefined && value > max) {
    addProblem(problems, path, `must be at most ${max}${unit}`, { value });
    return undefined;
  }
  return value;
}

export function readChoice<T extends string>(
  value: unknown,
  choices: readonly T[],
  path: string,
  problems: Problems,
): T | undefined {
  if (value === undefined) {
    addProblem(problems, path, `is required: one of ${choices.join(', ')}`);
    return undefined;
  }
  if ((choices as readonly unknown[]).includes(value)) {
    return value as T;
  }
  addProblem(problems, path, `must be one of ${choices.join(', ')}`, {
    value,
  });
  return undefined;
}

export function readText(
  value: unknown,
  path: string,
  problems: Problems,
): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') {
    return value;
  }
  addProblem(
    problems,
    path,
    value === undefined ? 'is required' : 'must be non-empty text',
    value === undefined ? undefined : { value },
  );
  return undefined;
}

export function readBoolean(
  value: unknown,
  path: string,
  problems: Problems,
): boolean | undefined {
  if (typeof value === 'boolean') {
    return value;
  }
  addProblem(
    problems,
    path,
    value === undefined
      ? 'is required: true or false'
      : 'must be true or false',
    value === undefined ? undefined : { value },
  );
  return undefined;
}

/** Each item read by `readItem`; undefined when the value is not a list or an item is wrong. */
export function readList<T>(
  value: unknown,
  path: string,
  problems: Problems,
  readItem: (item: unknown, itemPath: string) => T | undefined,
): T[] | undefined {
  if (!Array.isArray(value)) {
    addProblem(problems, path, 'must be a list', { value });
    return undefined;
  }
  const start = problems.length;
  const items = value
    .map((item, index) => readItem(item, joinPath(path, index)))
    .filter((item): item is T => item !== undefined);
  return problems.length > start ? undefined : items;
}
