import type { CrossVersionObjectReference } from './types';

/** Whether two references name the same object; an unset `apiVersion` matches any. */
export function isSameObject(
  a: CrossVersionObjectReference,
  b: CrossVersionObjectReference,
): boolean {
  return (
    a.kind === b.kind &&
    a.name === b.name &&
    (a.apiVersion ?? b.apiVersion) === (b.apiVersion ?? a.apiVersion)
  );
}
