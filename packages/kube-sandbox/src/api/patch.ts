import { StatusError, statusErrors } from '../status';

/**
 * The patch formats of the API server: JSON merge patch (RFC 7386), JSON patch (RFC 6902) and
 * strategic merge patch (lists merged by key, `$patch`, `$retainKeys`, `$setElementOrder` and
 * `$deleteFromPrimitiveList` directives) for the built-in kinds.
 */

type Json = unknown;
type JsonObject = Record<string, Json>;

function isObject(value: Json): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** RFC 7386. Returns a new value; `target` is not modified. */
export function applyMergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return patch;
  const result: JsonObject = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = applyMergePatch(result[key], value);
  }
  return result;
}

interface JsonPatchOperation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  from?: string;
  value?: Json;
}

function patchFailed(message: string): StatusError {
  return new StatusError(422, 'Invalid', message);
}

function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/'))
    throw patchFailed(`invalid JSON pointer "${pointer}"`);
  return pointer
    .slice(1)
    .split('/')
    .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function resolveParent(
  root: Json,
  tokens: string[],
  op: string,
  path: string,
): { parent: JsonObject | Json[]; key: string } {
  let cursor: Json = root;
  for (const token of tokens.slice(0, -1)) {
    cursor = child(cursor, token);
    if (cursor === undefined)
      throw patchFailed(
        `${op} operation does not apply: doc is missing path: "${path}": missing value`,
      );
  }
  if (!Array.isArray(cursor) && !isObject(cursor)) {
    throw patchFailed(
      `${op} operation does not apply: doc is missing path: "${path}": missing value`,
    );
  }
  return { parent: cursor, key: tokens[tokens.length - 1] };
}

function child(value: Json, token: string): Json {
  if (Array.isArray(value)) return value[Number(token)];
  return isObject(value) ? value[token] : undefined;
}

function getAt(root: Json, pointer: string, op: string): Json {
  let cursor: Json = root;
  for (const token of parsePointer(pointer)) {
    cursor = child(cursor, token);
    if (cursor === undefined)
      throw patchFailed(
        `${op} operation does not apply: doc is missing path: "${pointer}": missing value`,
      );
  }
  return cursor;
}

function arrayIndex(
  array: Json[],
  key: string,
  allowEnd: boolean,
  path: string,
): number {
  if (key === '-' && allowEnd) return array.length;
  const index = Number(key);
  if (
    !/^\d+$/.test(key) ||
    index > array.length ||
    (!allowEnd && index === array.length)
  ) {
    throw patchFailed(`unable to access invalid index: ${key} in "${path}"`);
  }
  return index;
}

function addAt(root: Json, path: string, value: Json, op: string): Json {
  const tokens = parsePointer(path);
  if (tokens.length === 0) return value;
  const { parent, key } = resolveParent(root, tokens, op, path);
  if (Array.isArray(parent))
    parent.splice(arrayIndex(parent, key, true, path), 0, value);
  else parent[key] = value;
  return root;
}

function removeAt(root: Json, path: string, op: string): Json {
  const tokens = parsePointer(path);
  const { parent, key } = resolveParent(root, tokens, op, path);
  if (Array.isArray(parent))
    parent.splice(arrayIndex(parent, key, false, path), 1);
  else {
    if (!(key in parent))
      throw patchFailed(
        `${op} operation does not apply: doc is missing path: "${path}": missing value`,
      );
    delete parent[key];
  }
  return root;
}

/** RFC 6902. Works on a copy; errors are 422 like the API server's. */
export function applyJsonPatch(target: Json, operations: Json): Json {
  if (!Array.isArray(operations))
    throw statusErrors.badRequest(
      'json: cannot unmarshal object into Go value of type jsonpatch.Patch',
    );
  let doc: Json = structuredClone(target);
  for (const raw of operations as JsonPatchOperation[]) {
    const { op, path } = raw;
    switch (op) {
      case 'add':
        doc = addAt(doc, path, structuredClone(raw.value), op);
        break;
      case 'remove':
        doc = removeAt(doc, path, op);
        break;
      case 'replace':
        getAt(doc, path, op);
        doc =
          parsePointer(path).length === 0
            ? structuredClone(raw.value)
            : addAt(
                removeAt(doc, path, op),
                path,
                structuredClone(raw.value),
                op,
              );
        break;
      case 'move': {
        const value = getAt(doc, raw.from ?? '', op);
        doc = addAt(removeAt(doc, raw.from ?? '', op), path, value, op);
        break;
      }
      case 'copy':
        doc = addAt(
          doc,
          path,
          structuredClone(getAt(doc, raw.from ?? '', op)),
          op,
        );
        break;
      case 'test':
        if (
          JSON.stringify(getAt(doc, path, op)) !== JSON.stringify(raw.value)
        ) {
          throw patchFailed(`testing value ${path} failed: test failed`);
        }
        break;
      default:
        throw statusErrors.badRequest(`Unexpected kind: ${String(op)}`);
    }
  }
  return doc;
}

/**
 * The `patchMergeKey` of list fields, by field name, as the built-in types declare them.
 * `ports` depends on where it is: a Service's ports merge on `port`, a container's on
 * `containerPort`.
 */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  ownerReferences: 'uid',
  conditions: 'type',
  topologySpreadConstraints: 'topologyKey',
  resourceClaims: 'name',
};

/** Lists of scalars merged as sets (`patchStrategy: merge` on a primitive list). */
const MERGED_PRIMITIVE_LISTS = new Set(['finalizers']);

function mergeKeyFor(path: readonly string[]): string | undefined {
  const field = path[path.length - 1];
  if (field === 'ports')
    return path.length === 2 && path[0] === 'spec' ? 'port' : 'containerPort';
  return MERGE_KEYS[field];
}

/** Strategic merge patch for the built-in kinds. Returns a new value. */
export function applyStrategicMergePatch(target: Json, patch: Json): Json {
  return mergeObject(
    isObject(target) ? target : {},
    isObject(patch) ? patch : {},
    [],
  );
}

function mergeObject(
  target: JsonObject,
  patch: JsonObject,
  path: string[],
): Json {
  const directive = patch.$patch;
  if (directive === 'delete') return undefined;
  if (directive === 'replace') {
    const { $patch: _ignored, ...replacement } = patch;
    return replacement;
  }
  let result: JsonObject = { ...target };
  const retainKeys = patch.$retainKeys;
  for (const [key, value] of Object.entries(patch)) {
    if (
      key === '$patch' ||
      key === '$retainKeys' ||
      key.startsWith('$setElementOrder/')
    )
      continue;
    if (key.startsWith('$deleteFromPrimitiveList/')) {
      const field = key.slice('$deleteFromPrimitiveList/'.length);
      const drop = new Set((value as Json[]).map(v => JSON.stringify(v)));
      if (Array.isArray(result[field]))
        result[field] = (result[field] as Json[]).filter(
          v => !drop.has(JSON.stringify(v)),
        );
      continue;
    }
    if (value === null) {
      delete result[key];
      continue;
    }
    const childPath = [...path, key];
    const current = result[key];
    if (Array.isArray(value)) {
      result[key] = mergeList(
        Array.isArray(current) ? current : [],
        value,
        childPath,
      );
    } else if (isObject(value)) {
      const merged = mergeObject(
        isObject(current) ? current : {},
        value,
        childPath,
      );
      if (merged === undefined) delete result[key];
      else result[key] = merged;
    } else {
      result[key] = value;
    }
  }
  if (Array.isArray(retainKeys)) {
    const keep = new Set(retainKeys as string[]);
    result = Object.fromEntries(
      Object.entries(result).filter(([k]) => keep.has(k)),
    );
  }
  return result;
}

function mergeList(target: Json[], patch: Json[], path: string[]): Json[] {
  const field = path[path.length - 1];
  if (MERGED_PRIMITIVE_LISTS.has(field)) {
    const seen = new Set(target.map(v => JSON.stringify(v)));
    return [...target, ...patch.filter(v => !seen.has(JSON.stringify(v)))];
  }
  const mergeKey = mergeKeyFor(path);
  if (!mergeKey) {
    // A list without a merge key is replaced, but a `$patch: replace` marker item is dropped.
    return patch.filter(
      item =>
        !(
          isObject(item) &&
          item.$patch === 'replace' &&
          Object.keys(item).length === 1
        ),
    );
  }
  if (patch.some(item => isObject(item) && item.$patch === 'replace')) {
    return patch.filter(item => !(isObject(item) && item.$patch === 'replace'));
  }
  const result = [...target];
  for (const item of patch) {
    if (!isObject(item)) {
      result.push(item);
      continue;
    }
    const index = result.findIndex(
      existing => isObject(existing) && existing[mergeKey] === item[mergeKey],
    );
    if (item.$patch === 'delete') {
      if (index >= 0) result.splice(index, 1);
      continue;
    }
    if (index >= 0)
      result[index] = mergeObject(
        result[index] as JsonObject,
        item,
        path,
      ) as Json;
    else result.push(mergeObject({}, item, path));
  }
  return result;
}
