import { useEffect, useRef } from 'react';

type WriteListener = (entityRef: string) => void;

const listeners = new Set<WriteListener>();

/**
 * Which writes a view listens to: those to one entity (its stringified ref),
 * to any entity (a fleet-wide view), or none (data no write changes).
 */
export type WriteScope = string | 'any' | 'none';

/**
 * Tells every view on screen that a write to `entityRef` (a stringified
 * entity ref) has been sent, whether it succeeded or not, so that the views
 * showing that entity read it again.
 */
export function announceWrite(entityRef: string): void {
  for (const listener of [...listeners]) {
    listener(entityRef);
  }
}

/** Calls `onWrite` with the written entity's ref after every write in `scope`. */
export function useWriteListener(
  scope: WriteScope,
  onWrite: (entityRef: string) => void,
) {
  const latest = useRef(onWrite);
  latest.current = onWrite;
  useEffect(() => {
    if (scope === 'none') {
      return undefined;
    }
    const listener: WriteListener = entityRef => {
      if (scope === 'any' || scope === entityRef) {
        latest.current(entityRef);
      }
    };
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, [scope]);
}
