import type { ResourceKey, StoreEvent } from '../store/types';
import { controllerOf } from './pods';

/**
 * Keys of objects to reconcile, each with the simulated time it is due. Adding a key that is
 * already queued keeps the earlier time, so a watch event never delays a pending wake-up.
 */
export class WorkQueue {
  readonly #due = new Map<string, number>();

  add(key: string, at = Number.NEGATIVE_INFINITY): void {
    const current = this.#due.get(key);
    if (current === undefined || at < current) this.#due.set(key, at);
  }

  /** Removes and returns the keys due at `now`, in a stable (sorted) order for determinism. */
  takeDue(now: number): string[] {
    const due: string[] = [];
    for (const [key, at] of this.#due) {
      if (at <= now) due.push(key);
    }
    for (const key of due) this.#due.delete(key);
    return due.sort();
  }

  get size(): number {
    return this.#due.size;
  }
}

/**
 * Queues a workload that controls ReplicaSets (a Deployment or a Rollout) when it
 * changes, and when one of the ReplicaSets it controls does.
 */
export function queueWorkloadOnChange(
  queue: WorkQueue,
  event: StoreEvent,
  workload: { resource: ResourceKey; kind: string },
): void {
  if (event.resource === workload.resource && event.type !== 'DELETED') {
    queue.add(
      objectKey(event.object.metadata.namespace, event.object.metadata.name),
    );
  } else if (event.resource === 'replicasets.apps') {
    const owner = controllerOf(event.object);
    if (owner?.kind === workload.kind) {
      queue.add(objectKey(event.object.metadata.namespace, owner.name));
    }
  }
}

export function objectKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

export function splitKey(key: string): { namespace: string; name: string } {
  const slash = key.indexOf('/');
  return { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}
