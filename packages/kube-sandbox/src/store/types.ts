import type { V1ObjectMeta } from '@kubernetes/client-node';

/**
 * A `@kubernetes/client-node` model as JSON, the way the store holds it: timestamps are strings,
 * not `Date`s, and `null` when unset, as the API server writes a zero time.
 */
export type Json<T> = T extends Date
  ? string | null
  : T extends ReadonlyArray<infer Item>
  ? Json<Item>[]
  : T extends object
  ? { [K in keyof T]: Json<T[K]> }
  : T;

/** Object metadata as the API server stores it, fields of newer API versions included. */
export type ObjectMeta = Json<V1ObjectMeta> & {
  name: string;
  [field: string]: unknown;
};

export type OwnerReference = NonNullable<ObjectMeta['ownerReferences']>[number];

/** Any Kubernetes object. Kind-specific shapes are left to the code that reads them. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  spec?: unknown;
  status?: unknown;
  [field: string]: unknown;
}

/**
 * A resource's storage key: `<plural>` for the core group, `<plural>.<group>` otherwise,
 * e.g. `pods`, `deployments.apps`, `horizontalpodautoscalers.autoscaling`, `rollouts.argoproj.io`.
 */
export type ResourceKey = string;

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  type: WatchEventType;
  resource: ResourceKey;
  /** The object after the change; for DELETED, the last state with a new resourceVersion. */
  object: KubeObject;
  /** The cluster-wide resourceVersion this event was written at. */
  resourceVersion: number;
}

export interface ListOptions {
  /** Omit for all namespaces. */
  namespace?: string;
  /** Label selector string as on the wire: `app=x,tier in (a,b),!legacy`. */
  labelSelector?: string;
  /** Field selector string: `metadata.name=x`, `involvedObject.uid=…`, `status.phase!=Running`. */
  fieldSelector?: string;
}

export interface ListResult {
  items: readonly KubeObject[];
  /** The store's resourceVersion at the time of the list. */
  resourceVersion: string;
}

export interface WriteOptions {
  /** Validate and compute the result without storing it or raising events (the API's `dryRun=All`). */
  dryRun?: boolean;
  /**
   * The object is a copy of another API server's: `create` and `update` keep its uid,
   * creationTimestamp and generation as given (filling them only when missing). The
   * resourceVersion is always this store's own.
   */
  mirror?: boolean;
}

export interface WatchOptions extends ListOptions {
  /** Limit to one resource; omit to receive every resource's events. */
  resource?: ResourceKey;
  /**
   * Replay events newer than this resourceVersion before live ones. Too old (no longer in the
   * store's history) makes `watch` throw a 410 Expired StatusError.
   */
  sinceResourceVersion?: number;
}

export interface DeleteOptions extends WriteOptions {
  preconditions?: { uid?: string; resourceVersion?: string };
  /**
   * Background (default) and Foreground delete what the object owns (by ownerReferences), and
   * everything in a deleted namespace, as the garbage collector would; Orphan keeps it.
   */
  propagationPolicy?: 'Orphan' | 'Background' | 'Foreground';
}

export type StoreListener = (event: StoreEvent) => void;

/**
 * The object store of one cluster. Objects it returns are deeply frozen; to change one, copy it
 * (`structuredClone`) and pass the copy to `update`. Errors are `StatusError`s
 * (NotFound 404, AlreadyExists 409, Conflict 409, Expired 410).
 */
export interface ObjectStore {
  list(resource: ResourceKey, options?: ListOptions): ListResult;
  /** Undefined when absent (use `mustGet` for a NotFound StatusError). */
  get(
    resource: ResourceKey,
    namespace: string | undefined,
    name: string,
  ): KubeObject | undefined;
  mustGet(
    resource: ResourceKey,
    namespace: string | undefined,
    name: string,
  ): KubeObject;
  /**
   * Stores a new object, filling uid, resourceVersion, creationTimestamp, generation (1) and a name
   * from `generateName`. The object is stored as given otherwise (status included).
   */
  create(
    resource: ResourceKey,
    object: KubeObject,
    options?: WriteOptions,
  ): KubeObject;
  /**
   * Replaces the whole object. When `metadata.resourceVersion` is set it must match the stored one
   * (otherwise 409 Conflict). uid and creationTimestamp are kept; generation is bumped when anything
   * other than metadata and status changed.
   */
  update(
    resource: ResourceKey,
    object: KubeObject,
    options?: WriteOptions,
  ): KubeObject;
  /** Replaces only `status` (same resourceVersion precondition); spec and metadata are kept. */
  updateStatus(
    resource: ResourceKey,
    object: KubeObject,
    options?: WriteOptions,
  ): KubeObject;
  /** Read-modify-write with retry on conflict: `mutate` receives a mutable copy. */
  modify(
    resource: ResourceKey,
    namespace: string | undefined,
    name: string,
    mutate: (draft: KubeObject) => void,
    options?: WriteOptions & { subresource?: 'status' },
  ): KubeObject;
  delete(
    resource: ResourceKey,
    namespace: string | undefined,
    name: string,
    options?: DeleteOptions,
  ): KubeObject;
  /** Subscribes to changes; returns the unsubscribe function. */
  watch(listener: StoreListener, options?: WatchOptions): () => void;
  /** The newest resourceVersion written in this cluster. */
  resourceVersion(): number;
  /** The JSON text of a stored object. */
  serialized(object: KubeObject): string;
  /** The UTF-8 JSON of a stored object, cached per stored version; lists are built from it. */
  encoded(object: KubeObject): Buffer;
}
