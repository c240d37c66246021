/** Freezes a value and everything reachable from it; already-frozen parts are skipped. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) {
      deepFreeze((value as Record<string, unknown>)[key]);
    }
  }
  return value;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (
    typeof a !== 'object' ||
    typeof b !== 'object' ||
    a === null ||
    b === null
  )
    return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    return a.every((item, i) => deepEqual(item, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const ka = Object.keys(ra).filter(k => ra[k] !== undefined);
  const kb = Object.keys(rb).filter(k => rb[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every(k => deepEqual(ra[k], rb[k]));
}

/** A mutable deep copy of a (possibly frozen) JSON value. */
export function thaw<T>(value: T): T {
  return structuredClone(value);
}
