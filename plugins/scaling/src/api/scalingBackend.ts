import { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';

/**
 * The body of an ok answer, read as the suite's own type of it, which is
 * stricter than the generated model (e.g. discriminated unions); a non-ok
 * answer throws a ResponseError.
 */
export async function readBody<T>(response: Response): Promise<T> {
  if (!response.ok) {
    throw await ResponseError.fromResponse(response);
  }
  return (await response.json()) as T;
}

/** An entity's path parameters, kind lower-cased as the backend's routes expect. */
export function entityPathParams({ kind, namespace, name }: CompoundEntityRef) {
  return { kind: kind.toLocaleLowerCase('en-US'), namespace, name };
}
