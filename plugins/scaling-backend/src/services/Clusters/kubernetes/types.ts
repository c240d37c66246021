import type {
  KubernetesObject as ClientNodeObject,
  V1ObjectMeta,
  V1Status,
} from '@kubernetes/client-node';

/**
 * A `@kubernetes/client-node` model as the API server sends it: the suite
 * reads the JSON itself, so timestamps stay RFC 3339 strings where
 * client-node's deserializer would make `Date`s.
 */
export type KubernetesJson<T> = T extends Date
  ? string
  : T extends ReadonlyArray<infer Item>
  ? KubernetesJson<Item>[]
  : T extends object
  ? { [K in keyof T]: KubernetesJson<T[K]> }
  : T;

/** The `metadata` of a stored object, which always has a name. */
export type ObjectMeta = KubernetesJson<V1ObjectMeta> & { name: string };

/**
 * A client-node model as read from the API server: its metadata is always
 * set, and so are the `Present` fields the server always sends for the kind.
 */
export type Stored<
  T extends ClientNodeObject,
  Present extends keyof T = never,
> = KubernetesJson<T> & { metadata: ObjectMeta } & {
  [K in Present]-?: NonNullable<KubernetesJson<T[K]>>;
};

/** Any Kubernetes object. */
export type KubernetesObject = Stored<ClientNodeObject>;

/** A list response, with every page's items. */
export type KubernetesList<T> = {
  apiVersion?: string;
  kind?: string;
  metadata: { resourceVersion?: string };
  items: T[];
};

export type KubernetesRequestOptions = {
  /** Query parameters; undefined values are left out. */
  query?: Record<string, string | number | boolean | undefined>;
  /** Aborts the request, e.g. when a whole fan-out runs out of time. */
  signal?: AbortSignal;
};

export type KubernetesListOptions = KubernetesRequestOptions & {
  labelSelector?: string;
  fieldSelector?: string;
};

export type KubernetesWriteOptions = KubernetesRequestOptions & {
  /** Sends `dryRun=All`: the API server validates and admits the change, and stores nothing. */
  dryRun?: boolean;
  fieldManager?: string;
};

/** The patch formats of the Kubernetes API, by their `Content-Type`. */
export type KubernetesPatchType =
  | 'application/merge-patch+json'
  | 'application/json-patch+json'
  | 'application/strategic-merge-patch+json'
  | 'application/apply-patch+yaml';

export type KubernetesPatchOptions = KubernetesWriteOptions & {
  patchType: KubernetesPatchType;
  /** Server-side apply only: take over fields owned by other managers. */
  force?: boolean;
};

/**
 * A JSON client for one cluster's API server. Paths are relative to the
 * cluster's URL, e.g. `/apis/apps/v1/namespaces/shop/deployments`.
 *
 * Every failure is a `@backstage/errors` error naming the cluster; the
 * cluster's `Status` behind it, when there is one, is available through
 * `kubernetesFailureOf(error)`.
 */
export interface KubernetesClient {
  readonly clusterName: string;
  get<T>(path: string, options?: KubernetesRequestOptions): Promise<T>;
  /** Follows `continue` tokens, so the result holds every page. */
  list<T>(
    path: string,
    options?: KubernetesListOptions,
  ): Promise<KubernetesList<T>>;
  post<T>(
    path: string,
    body: unknown,
    options?: KubernetesWriteOptions,
  ): Promise<T>;
  put<T>(
    path: string,
    body: unknown,
    options?: KubernetesWriteOptions,
  ): Promise<T>;
  patch<T>(
    path: string,
    body: unknown,
    options: KubernetesPatchOptions,
  ): Promise<T>;
  /** `body` is a `DeleteOptions`, e.g. `{ propagationPolicy: 'Foreground' }`. */
  delete<T = V1Status>(
    path: string,
    options?: KubernetesWriteOptions & { body?: unknown },
  ): Promise<T>;
}
