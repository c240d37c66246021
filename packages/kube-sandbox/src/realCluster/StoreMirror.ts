import type {
  KubeObject,
  ObjectStore,
  ResourceKey,
  WatchEventType,
} from '../store/types';
import type { ReflectorSink } from './ResourceReflector';

/**
 * Writes another API server's objects of one resource into a store as they are: real names,
 * uids, creation times, labels, spec and status. Only the resourceVersion is the store's own, so
 * that its watches and lists stay consistent.
 */
export class StoreMirror implements ReflectorSink {
  readonly #store: ObjectStore;
  readonly #resource: ResourceKey;

  constructor(store: ObjectStore, resource: ResourceKey) {
    this.#store = store;
    this.#resource = resource;
  }

  replace(objects: readonly KubeObject[]): void {
    const listed = new Set(objects.map(keyOf));
    for (const stored of this.#store.list(this.#resource).items) {
      if (!listed.has(keyOf(stored))) this.#remove(stored);
    }
    for (const object of objects) this.#upsert(object);
  }

  apply(type: WatchEventType, object: KubeObject): void {
    if (type === 'DELETED') this.#remove(object);
    else this.#upsert(object);
  }

  #upsert(object: KubeObject): void {
    const { namespace, name } = object.metadata;
    // The upstream resourceVersion would fail the store's precondition check.
    const copy = {
      ...object,
      metadata: { ...object.metadata, resourceVersion: undefined },
    };
    if (this.#store.get(this.#resource, namespace, name))
      this.#store.update(this.#resource, copy, { mirror: true });
    else this.#store.create(this.#resource, copy, { mirror: true });
  }

  #remove(object: KubeObject): void {
    const { namespace, name, uid } = object.metadata;
    const stored = this.#store.get(this.#resource, namespace, name);
    if (!stored || (uid && stored.metadata.uid !== uid)) return;
    // The real garbage collector deletes dependents, and the watch reports it; the store must not.
    this.#store.delete(this.#resource, namespace, name, {
      propagationPolicy: 'Orphan',
    });
  }
}

function keyOf(object: KubeObject): string {
  return `${object.metadata.namespace ?? ''}/${object.metadata.name}`;
}
