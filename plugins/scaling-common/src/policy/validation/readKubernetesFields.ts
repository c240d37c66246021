/** Readers for the Kubernetes structures a custom metric target carries. */
import type {
  CrossVersionObjectReference,
  LabelSelector,
} from '../../hpa/types';
import {
  addProblem,
  joinPath,
  Problems,
  readChoice,
  readList,
  readRecord,
  readText,
  rejectUnknownFields,
} from './fieldReaders';

const SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'] as const;

type SelectorRequirement = NonNullable<
  LabelSelector['matchExpressions']
>[number];

function readMatchLabels(
  value: unknown,
  path: string,
  problems: Problems,
): Record<string, string> | undefined {
  const record = readRecord(value, path, problems);
  if (!record) {
    return undefined;
  }
  const start = problems.length;
  const labels: Record<string, string> = {};
  for (const [key, label] of Object.entries(record)) {
    if (typeof label === 'string') {
      labels[key] = label;
    } else {
      addProblem(problems, joinPath(path, key), 'must be text', {
        value: label,
      });
    }
  }
  return problems.length > start ? undefined : labels;
}

function readRequirement(
  value: unknown,
  path: string,
  problems: Problems,
): SelectorRequirement | undefined {
  const record = readRecord(value, path, problems);
  if (!record) {
    return undefined;
  }
  const start = problems.length;
  rejectUnknownFields(record, ['key', 'operator', 'values'], path, problems);
  const key = readText(record.key, joinPath(path, 'key'), problems);
  const operator = readChoice(
    record.operator,
    SELECTOR_OPERATORS,
    joinPath(path, 'operator'),
    problems,
  );
  const values =
    record.values === undefined
      ? undefined
      : readList(
          record.values,
          joinPath(path, 'values'),
          problems,
          (item, itemPath) => readText(item, itemPath, problems),
        );
  const needsValues = operator === 'In' || operator === 'NotIn';
  const valuesRead = record.values === undefined || values !== undefined;
  if (operator && valuesRead && needsValues !== Boolean(values?.length)) {
    addProblem(
      problems,
      joinPath(path, 'values'),
      needsValues
        ? `must list at least one value for ${operator}`
        : `must be empty for ${operator}`,
    );
  }
  if (problems.length > start || !key || !operator) {
    return undefined;
  }
  return { key, operator, ...(values && { values }) };
}

/** A `metav1.LabelSelector`. */
export function readLabelSelector(
  value: unknown,
  path: string,
  problems: Problems,
): LabelSelector | undefined {
  const record = readRecord(value, path, problems);
  if (!record) {
    return undefined;
  }
  const start = problems.length;
  rejectUnknownFields(
    record,
    ['matchLabels', 'matchExpressions'],
    path,
    problems,
  );
  const matchLabels =
    record.matchLabels === undefined
      ? undefined
      : readMatchLabels(
          record.matchLabels,
          joinPath(path, 'matchLabels'),
          problems,
        );
  const matchExpressions =
    record.matchExpressions === undefined
      ? undefined
      : readList(
          record.matchExpressions,
          joinPath(path, 'matchExpressions'),
          problems,
          (item, itemPath) => readRequirement(item, itemPath, problems),
        );
  if (problems.length > start) {
    return undefined;
  }
  return {
    ...(matchLabels && { matchLabels }),
    ...(matchExpressions && { matchExpressions }),
  };
}

export function readObjectReference(
  value: unknown,
  path: string,
  problems: Problems,
): CrossVersionObjectReference | undefined {
  const record = readRecord(value, path, problems);
  if (!record) {
    return undefined;
  }
  const start = problems.length;
  rejectUnknownFields(record, ['kind', 'name', 'apiVersion'], path, problems);
  const kind = readText(record.kind, joinPath(path, 'kind'), problems);
  const name = readText(record.name, joinPath(path, 'name'), problems);
  const apiVersion =
    record.apiVersion === undefined
      ? undefined
      : readText(record.apiVersion, joinPath(path, 'apiVersion'), problems);
  if (problems.length > start || !kind || !name) {
    return undefined;
  }
  return { kind, name, ...(apiVersion && { apiVersion }) };
}
