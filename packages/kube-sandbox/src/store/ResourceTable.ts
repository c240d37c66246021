import type { KubeObject } from './types';
import type { LabelSelector } from './selectors';

/** Sorts before any character allowed in a name, so key order equals (namespace, name) order. */
const SEPARATOR = '\u0000';

function keyOf(object: KubeObject): string {
  return `${object.metadata.namespace ?? ''}${SEPARATOR}${
    object.metadata.name
  }`;
}

/**
 * The objects of one resource in one cluster, with the indexes lists need: by namespace (each
 * kept sorted lazily, as etcd returns keys in order) and by label key and value.
 */
export class ResourceTable {
  readonly #byNamespace = new Map<string, Map<string, KubeObject>>();
  readonly #sortedNames = new Map<string, readonly string[]>();
  #sortedNamespaces: readonly string[] | undefined;
  /** label key → label value → object keys (see `keyOf`). */
  readonly #labels = new Map<string, Map<string, Set<string>>>();
  #size = 0;

  get size(): number {
    return this.#size;
  }

  get(namespace: string, name: string): KubeObject | undefined {
    return this.#byNamespace.get(namespace)?.get(name);
  }

  put(object: KubeObject): void {
    const namespace = object.metadata.namespace ?? '';
    const name = object.metadata.name;
    let bucket = this.#byNamespace.get(namespace);
    if (!bucket) {
      bucket = new Map();
      this.#byNamespace.set(namespace, bucket);
      this.#sortedNamespaces = undefined;
    }
    const previous = bucket.get(name);
    if (previous) {
      this.#unindexLabels(previous);
    } else {
      this.#sortedNames.delete(namespace);
      this.#size++;
    }
    bucket.set(name, object);
    this.#indexLabels(object);
  }

  remove(namespace: string, name: string): void {
    const bucket = this.#byNamespace.get(namespace);
    const previous = bucket?.get(name);
    if (!bucket || !previous) return;
    this.#unindexLabels(previous);
    bucket.delete(name);
    this.#size--;
    this.#sortedNames.delete(namespace);
    if (bucket.size === 0) {
      this.#byNamespace.delete(namespace);
      this.#sortedNamespaces = undefined;
    }
  }

  /** Objects in key order, optionally in one namespace. */
  *scan(namespace?: string): Generator<KubeObject> {
    const namespaces =
      namespace === undefined ? this.#namespacesInOrder() : [namespace];
    for (const ns of namespaces) {
      const bucket = this.#byNamespace.get(ns);
      if (!bucket) continue;
      for (const name of this.#namesInOrder(ns, bucket)) {
        yield bucket.get(name)!;
      }
    }
  }

  /**
   * Candidate objects for a selector from the label index, in key order, or undefined when the
   * selector has no indexable (equality or `in`) requirement and a scan is needed.
   */
  candidates(
    selector: LabelSelector,
    namespace?: string,
  ): KubeObject[] | undefined {
    let best: Set<string> | undefined;
    for (const req of selector) {
      if (req.op !== 'in') continue;
      const byValue = this.#labels.get(req.key);
      const keys = new Set<string>();
      for (const value of req.values) {
        for (const key of byValue?.get(value) ?? []) keys.add(key);
      }
      if (!best || keys.size < best.size) best = keys;
      if (best.size === 0) break;
    }
    if (!best) return undefined;
    const prefix =
      namespace === undefined ? undefined : `${namespace}${SEPARATOR}`;
    const keys = [...best]
      .filter(k => prefix === undefined || k.startsWith(prefix))
      .sort();
    return keys.map(key => {
      const slash = key.indexOf(SEPARATOR);
      return this.#byNamespace
        .get(key.slice(0, slash))!
        .get(key.slice(slash + 1))!;
    });
  }

  #namespacesInOrder(): readonly string[] {
    this.#sortedNamespaces ??= [...this.#byNamespace.keys()].sort();
    return this.#sortedNamespaces;
  }

  #namesInOrder(
    namespace: string,
    bucket: Map<string, KubeObject>,
  ): readonly string[] {
    let names = this.#sortedNames.get(namespace);
    if (!names) {
      names = [...bucket.keys()].sort();
      this.#sortedNames.set(namespace, names);
    }
    return names;
  }

  #indexLabels(object: KubeObject): void {
    const key = keyOf(object);
    for (const [label, value] of Object.entries(object.metadata.labels ?? {})) {
      let byValue = this.#labels.get(label);
      if (!byValue) {
        byValue = new Map();
        this.#labels.set(label, byValue);
      }
      let keys = byValue.get(value);
      if (!keys) {
        keys = new Set();
        byValue.set(value, keys);
      }
      keys.add(key);
    }
  }

  #unindexLabels(object: KubeObject): void {
    const key = keyOf(object);
    for (const [label, value] of Object.entries(object.metadata.labels ?? {})) {
      const byValue = this.#labels.get(label);
      const keys = byValue?.get(value);
      keys?.delete(key);
      if (keys && keys.size === 0) byValue!.delete(value);
      if (byValue && byValue.size === 0) this.#labels.delete(label);
    }
  }
}
