/** The Kubernetes structures a custom metric target carries. */
import { z } from 'zod';
import {
  choice,
  closedObject,
  given,
  list,
  mustBeAnObject,
  text,
  whenValid,
} from './fields';

const selectorRequirement = closedObject({
  key: text(),
  operator: choice(['In', 'NotIn', 'Exists', 'DoesNotExist']),
  values: list(text()).optional(),
}).superRefine(({ operator, values = [] }, ctx) => {
  const needsValues = operator === 'In' || operator === 'NotIn';
  if (needsValues !== values.length > 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['values'],
      message: needsValues
        ? `must list at least one value for ${operator}`
        : `must be empty for ${operator}`,
    });
  }
}, whenValid('operator', 'values'));

/** A `metav1.LabelSelector`. */
export const labelSelectorSchema = closedObject({
  matchLabels: z
    .record(
      z.string(),
      z.string({ error: issue => `must be text${given(issue.input)}` }),
      { error: mustBeAnObject },
    )
    .optional(),
  matchExpressions: list(selectorRequirement).optional(),
});

/** A `CrossVersionObjectReference`. */
export const objectReferenceSchema = closedObject({
  kind: text(),
  name: text(),
  apiVersion: text().optional(),
});
