/**
 * Pieces of the OpenAPI spec that every part of it uses: the entity path
 * parameters and the error answers that many routes share.
 */

export const entityParameters = [
  { $ref: '#/components/parameters/kind' },
  { $ref: '#/components/parameters/namespace' },
  { $ref: '#/components/parameters/name' },
] as const;

export const errorContent = {
  'application/json': { schema: { $ref: '#/components/schemas/Error' } },
} as const;

// The error answers that many routes share.
export const malformedEntityRef = {
  description: 'The entity reference is malformed.',
  content: errorContent,
} as const;
export const unauthorized = {
  description: 'No valid credentials were sent.',
} as const;
export const forbidden = {
  description:
    'The caller may not make this change to the entity; the refusal is audited.',
  content: errorContent,
} as const;
export const entityNotFound = {
  description: 'The catalog has no such entity.',
  content: errorContent,
} as const;
export const objectNotFound = {
  description: 'The catalog has no such entity, or the cluster no such object.',
  content: errorContent,
} as const;
export const conflict = {
  description:
    'The object changed since it was loaded, or an autoscaler owns the replicas.',
  content: errorContent,
} as const;
