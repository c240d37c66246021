import type { SimClock } from '../clock';
import type { SeededRandom } from '../random';
import { statusErrors, type ResourceRef } from '../status';
import { deepEqual, deepFreeze, thaw } from './objects';
import { resourceDefinition, type ResourceDefinition } from './resources';
import { ResourceTable } from './ResourceTable';
import {
  matchesFields,
  matchesLabels,
  parseFieldSelector,
  parseLabelSelector,
} from './selectors';
import type {
  DeleteOptions,
  KubeObject,
  ListOptions,
  ListResult,
  ObjectMeta,
  ObjectStore,
  ResourceKey,
  StoreEvent,
  StoreListener,
  WatchOptions,
  WriteOptions,
} from './types';

/** How many past events a watch can resume from before it gets 410 Expired. */
const HISTORY_SIZE = 5_000;
const NAME_SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

interface Subscription {
  listener: StoreListener;
  accepts(event: StoreEvent): boolean;
}

/** The in-memory object store of one cluster. See `ObjectStore` for the contract. */
export class MemoryObjectStore implements ObjectStore {
  readonly #tables = new Map<ResourceKey, ResourceTable>();
  /** UTF-8 JSON of stored objects, kept off the JS heap; dropped with the object version. */
  readonly #encoded = new WeakMap<KubeObject, Buffer>();
  /** owner uid → dependents, for cascading deletion as the garbage collector does it. */
  readonly #dependents = new Map<string, Set<string>>();
  readonly #subscriptions = new Set<Subscription>();
  readonly #history: StoreEvent[] = [];
  readonly #clock: SimClock;
  readonly #random: SeededRandom;
  #resourceVersion = 0;

  constructor(options: { clock: SimClock; random: SeededRandom }) {
    this.#clock = options.clock;
    this.#random = options.random;
  }

  resourceVersion(): number {
    return this.#resourceVersion;
  }

  serialized(object: KubeObject): string {
    return this.encoded(object).toString('utf8');
  }

  encoded(object: KubeObject): Buffer {
    let bytes = this.#encoded.get(object);
    if (bytes === undefined) {
      bytes = Buffer.from(JSON.stringify(object), 'utf8');
      if (Object.isFrozen(object)) this.#encoded.set(object, bytes);
    }
    return bytes;
  }

  list(resource: ResourceKey, options: ListOptions = {}): ListResult {
    const table = this.#table(resource);
    const labels = parseLabelSelector(options.labelSelector);
    const fields = parseFieldSelector(options.fieldSelector);
    const source =
      (labels.length && table.candidates(labels, options.namespace)) ||
      table.scan(options.namespace);
    const items: KubeObject[] = [];
    for (const object of source) {
      if (labels.length && !matchesLabels(labels, object.metadata.labels))
        continue;
      if (fields.length && !matchesFields(fields, object)) continue;
      items.push(object);
    }
    return { items, resourceVersion: String(this.#resourceVersion) };
  }

  get(
    resource: ResourceKey,
    namespace: string | undefined,
    name: string,
  ): KubeObject | undefined {
    return this.#table(resource).get(namespace ?? '', name);
  }

  mustGet(
    resource: ResourceKey,
    namespace: string | undefined,
    name: string,
  ): KubeObject {
    const found = this.get(resource, namespace, name);
    if (!found) throw statusErrors.notFound(this.#ref(resource), name);
    return found;
  }

  create(
    resource: ResourceKey,
    object: KubeObject,
    options: WriteOptions = {},
  ): KubeObject {
    const def = this.#definition(resource);
    const table = this.#table(resource);
    const namespace = def.namespaced ? object.metadata.namespace : undefined;
    let name = object.metadata.name;
    if (!name && object.metadata.generateName) {
      do {
        name = `${object.metadata.generateName}${this.#suffix()}`;
      } while (table.get(namespace ?? '', name));
    }
    if (!name) {
      throw statusErrors.invalid(def.kind, def.group, '', [
        {
          reason: 'FieldValueRequired',
          field: 'metadata.name',
          message: 'Required value: name or generateName is required',
        },
      ]);
    }
    if (table.get(namespace ?? '', name))
      throw statusErrors.alreadyExists(this.#ref(resource), name);

    const rv = options.dryRun ? undefined : String(this.#resourceVersion + 1);
    const given: Partial<ObjectMeta> = options.mirror ? object.metadata : {};
    const stored = deepFreeze({
      ...object,
      metadata: {
        ...object.metadata,
        name,
        ...(namespace !== undefined ? { namespace } : { namespace: undefined }),
        uid: given.uid ?? this.#uid(),
        resourceVersion: rv,
        creationTimestamp: given.creationTimestamp ?? this.#clock.timestamp(),
        generation: def.hasGeneration ? given.generation ?? 1 : undefined,
      },
    });
    if (options.dryRun) return stored;
    this.#commit(resource, 'ADDED', stored, table);
    return stored;
  }

  update(
    resource: ResourceKey,
    object: KubeObject,
    options: WriteOptions = {},
  ): KubeObject {
    const def = this.#definition(resource);
    const current = this.#current(resource, object);
    const specChanged =
      def.hasGeneration && !sameOutsideMetadataAndStatus(current, object);
    const given: Partial<ObjectMeta> = options.mirror ? object.metadata : {};
    return this.#replace(
      resource,
      current,
      {
        ...object,
        metadata: {
          ...object.metadata,
          namespace: current.metadata.namespace,
          uid: given.uid ?? current.metadata.uid,
          creationTimestamp:
            given.creationTimestamp ?? current.metadata.creationTimestamp,
          generation: def.hasGeneration
            ? given.generation ??
              (current.metadata.generation ?? 1) + (specChanged ? 1 : 0)
            : undefined,
        },
      },
      options,
    );
  }

  updateStatus(
    resource: ResourceKey,
    object: KubeObject,
    options: WriteOptions = {},
  ): KubeObject {
    const current = this.#current(resource, object);
    return this.#replace(
      resource,
      current,
      { ...current, status: object.status },
      options,
    );
  }

  modify(
    resource: ResourceKey,
    namespace: string | undefined,
    name: string,
    mutate: (draft: KubeObject) => void,
    options: WriteOptions & { subresource?: 'status' } = {},
  ): KubeObject {
    const draft = thaw(this.mustGet(resource, namespace, name));
    mutate(draft);
    return options.subresource === 'status'
      ? this.updateStatus(resource, draft, options)
      : this.update(resource, draft, options);
  }

  delete(
    resource: ResourceKey,
    namespace: string | undefined,
    name: string,
    options: DeleteOptions = {},
  ): KubeObject {
    const def = this.#definition(resource);
    const current = this.mustGet(
      resource,
      def.namespaced ? namespace : undefined,
      name,
    );
    const { uid, resourceVersion } = options.preconditions ?? {};
    if (uid && uid !== current.metadata.uid) {
      throw statusErrors.conflict(
        this.#ref(resource),
        name,
        `Precondition failed: UID in precondition: ${uid}, UID in object meta: ${current.metadata.uid}`,
      );
    }
    if (
      resourceVersion &&
      resourceVersion !== current.metadata.resourceVersion
    ) {
      throw statusErrors.conflict(this.#ref(resource), name);
    }
    if (options.dryRun) return current;
    const removed = deepFreeze({
      ...current,
      metadata: {
        ...current.metadata,
        resourceVersion: String(this.#resourceVersion + 1),
      },
    });
    this.#commit(resource, 'DELETED', removed, this.#table(resource));
    if (options.propagationPolicy !== 'Orphan')
      this.#deleteDependents(resource, removed);
    return removed;
  }

  watch(listener: StoreListener, options: WatchOptions = {}): () => void {
    const labels = parseLabelSelector(options.labelSelector);
    const fields = parseFieldSelector(options.fieldSelector);
    const accepts = (event: StoreEvent) =>
      (options.resource === undefined || event.resource === options.resource) &&
      (options.namespace === undefined ||
        event.object.metadata.namespace === options.namespace) &&
      (!labels.length || matchesLabels(labels, event.object.metadata.labels)) &&
      (!fields.length || matchesFields(fields, event.object));

    const since = options.sinceResourceVersion;
    if (since !== undefined && since < this.#resourceVersion) {
      const oldest =
        this.#history[0]?.resourceVersion ?? this.#resourceVersion + 1;
      if (since < oldest - 1) throw statusErrors.expired(since);
      for (const event of this.#history) {
        if (event.resourceVersion > since && accepts(event)) listener(event);
      }
    }
    const subscription: Subscription = { listener, accepts };
    this.#subscriptions.add(subscription);
    return () => this.#subscriptions.delete(subscription);
  }

  #replace(
    resource: ResourceKey,
    current: KubeObject,
    next: KubeObject,
    options: WriteOptions,
  ): KubeObject {
    const rv = options.dryRun
      ? current.metadata.resourceVersion
      : String(this.#resourceVersion + 1);
    const stored = deepFreeze({
      ...next,
      metadata: { ...next.metadata, resourceVersion: rv },
    });
    if (options.dryRun) return stored;
    this.#commit(resource, 'MODIFIED', stored, this.#table(resource));
    return stored;
  }

  /** The stored object `object` refers to, after checking its resourceVersion precondition. */
  #current(resource: ResourceKey, object: KubeObject): KubeObject {
    const def = this.#definition(resource);
    const { name, namespace, resourceVersion } = object.metadata;
    const current = this.mustGet(
      resource,
      def.namespaced ? namespace : undefined,
      name,
    );
    if (
      resourceVersion &&
      resourceVersion !== current.metadata.resourceVersion
    ) {
      throw statusErrors.conflict(this.#ref(resource), name);
    }
    return current;
  }

  #commit(
    resource: ResourceKey,
    type: StoreEvent['type'],
    object: KubeObject,
    table: ResourceTable,
  ): void {
    this.#resourceVersion++;
    const previous = table.get(
      object.metadata.namespace ?? '',
      object.metadata.name,
    );
    if (previous) this.#trackOwners(resource, previous, false);
    if (type === 'DELETED') {
      table.remove(object.metadata.namespace ?? '', object.metadata.name);
    } else {
      table.put(object);
      this.#trackOwners(resource, object, true);
    }
    const event: StoreEvent = {
      type,
      resource,
      object,
      resourceVersion: this.#resourceVersion,
    };
    this.#history.push(event);
    if (this.#history.length > HISTORY_SIZE)
      this.#history.splice(0, this.#history.length - HISTORY_SIZE);
    for (const subscription of this.#subscriptions) {
      if (!subscription.accepts(event)) continue;
      try {
        subscription.listener(event);
      } catch (error) {
        // A failing watcher must not fail the write that everybody else saw succeed.
        // eslint-disable-next-line no-console
        console.error('kube-sandbox: watch listener failed', error);
      }
    }
  }

  #trackOwners(resource: ResourceKey, object: KubeObject, add: boolean): void {
    const ref = `${resource}\u0000${object.metadata.namespace ?? ''}\u0000${
      object.metadata.name
    }`;
    for (const owner of object.metadata.ownerReferences ?? []) {
      let set = this.#dependents.get(owner.uid);
      if (add) {
        if (!set) {
          set = new Set();
          this.#dependents.set(owner.uid, set);
        }
        set.add(ref);
      } else if (set) {
        set.delete(ref);
        if (set.size === 0) this.#dependents.delete(owner.uid);
      }
    }
  }

  /** Background cascading deletion: owned objects, and everything in a deleted namespace. */
  #deleteDependents(resource: ResourceKey, removed: KubeObject): void {
    const doomed: [ResourceKey, string, string][] = [];
    for (const ref of this.#dependents.get(removed.metadata.uid ?? '') ?? []) {
      const [key, ns, name] = ref.split('\u0000');
      doomed.push([key, ns, name]);
    }
    if (resource === 'namespaces') {
      for (const [key, table] of this.#tables) {
        if (!this.#definition(key).namespaced) continue;
        for (const object of table.scan(removed.metadata.name))
          doomed.push([key, removed.metadata.name, object.metadata.name]);
      }
    }
    for (const [key, ns, name] of doomed) {
      if (this.get(key, ns, name)) this.delete(key, ns || undefined, name);
    }
  }

  #table(resource: ResourceKey): ResourceTable {
    let table = this.#tables.get(resource);
    if (!table) {
      this.#definition(resource);
      table = new ResourceTable();
      this.#tables.set(resource, table);
    }
    return table;
  }

  #definition(resource: ResourceKey): ResourceDefinition {
    const def = resourceDefinition(resource);
    if (!def) throw statusErrors.internal(`unknown resource ${resource}`);
    return def;
  }

  #ref(resource: ResourceKey): ResourceRef {
    const def = this.#definition(resource);
    return { resource: def.plural, group: def.group };
  }

  #uid(): string {
    const hex = (n: number) =>
      Array.from({ length: n }, () =>
        Math.floor(this.#random.next() * 16).toString(16),
      ).join('');
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${
      '89ab'[Math.floor(this.#random.next() * 4)]
    }${hex(3)}-${hex(12)}`;
  }

  #suffix(): string {
    return Array.from(
      { length: 5 },
      () =>
        NAME_SUFFIX_ALPHABET[
          Math.floor(this.#random.next() * NAME_SUFFIX_ALPHABET.length)
        ],
    ).join('');
  }
}

function sameOutsideMetadataAndStatus(a: KubeObject, b: KubeObject): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (
      key === 'metadata' ||
      key === 'status' ||
      key === 'apiVersion' ||
      key === 'kind'
    )
      continue;
    if (!deepEqual(a[key], b[key])) return false;
  }
  return true;
}
