import yaml from 'js-yaml';
import { statusErrors, successStatus } from '../status';
import type { ResourceDefinition } from '../store/resources';
import type { KubeObject } from '../store/types';
import { isDryRun, type ResourceRequest } from './context';
import { toServedVersion, toStorageVersion } from './conversion';
import { ObjectEncoder } from './encoding';
import {
  mediaType,
  parseObjectBody,
  readBody,
  sendChunks,
  sendJson,
  sendJsonText,
} from './http';
import {
  applyJsonPatch,
  applyMergePatch,
  applyStrategicMergePatch,
} from './patch';
import { prepareForCreate, prepareForUpdate } from './strategy';

const BUILT_IN_PATCH_TYPES = [
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
  'application/apply-patch+yaml',
];
const CUSTOM_RESOURCE_PATCH_TYPES = BUILT_IN_PATCH_TYPES.filter(
  t => !t.startsWith('application/strategic'),
);

function respond(
  request: ResourceRequest,
  code: number,
  stored: KubeObject,
): void {
  const encoder = new ObjectEncoder(
    request.cluster.store,
    request.path.definition,
    request.path.version,
  );
  sendJsonText(request.res, code, encoder.json(stored));
}

/** Checks apiVersion, kind and namespace of a decoded body against the URL, filling what is missing. */
function checkBody(
  request: ResourceRequest,
  body: Record<string, unknown>,
): KubeObject {
  const { definition: def, version, namespace, name } = request.path;
  const expected = def.group ? `${def.group}/${version}` : version;
  const object = body as KubeObject;
  object.apiVersion ??= expected;
  object.kind ??= def.kind;
  if (object.apiVersion !== expected) {
    throw statusErrors.badRequest(
      `the API version in the data (${object.apiVersion}) does not match the expected API version (${expected})`,
    );
  }
  if (object.kind !== def.kind) {
    throw statusErrors.badRequest(
      `the kind in the data (${object.kind}) does not match the expected kind (${def.kind})`,
    );
  }
  object.metadata ??= { name: '' };
  if (def.namespaced) {
    if (object.metadata.namespace && object.metadata.namespace !== namespace) {
      throw statusErrors.badRequest(
        'the namespace of the provided object does not match the namespace sent on the request',
      );
    }
    object.metadata.namespace = namespace;
  } else {
    delete object.metadata.namespace;
  }
  if (name !== undefined && object.metadata.name !== name) {
    throw statusErrors.badRequest(
      `the name of the object (${object.metadata.name}) does not match the name on the URL (${name})`,
    );
  }
  return object;
}

function requireNamespace(request: ResourceRequest): void {
  const { namespace, definition } = request.path;
  if (!definition.namespaced) return;
  if (namespace === undefined) throw statusErrors.methodNotAllowed();
  if (!request.cluster.store.get('namespaces', undefined, namespace)) {
    throw statusErrors.notFound(
      { resource: 'namespaces', group: '' },
      namespace,
    );
  }
}

function createFrom(request: ResourceRequest, served: KubeObject): KubeObject {
  const def = request.path.definition;
  requireNamespace(request);
  const incoming = toStorageVersion(def, request.path.version, served);
  const prepared = prepareForCreate(def, incoming, request.allocator);
  return request.cluster.store.create(def.key, prepared, {
    dryRun: isDryRun(request.query),
  });
}

function updateFrom(
  request: ResourceRequest,
  served: KubeObject,
  current: KubeObject,
): KubeObject {
  const def = request.path.definition;
  const incoming = toStorageVersion(def, request.path.version, served);
  const prepared = prepareForUpdate(def, incoming, current);
  return request.cluster.store.update(def.key, prepared, {
    dryRun: isDryRun(request.query),
  });
}

export async function createObject(request: ResourceRequest): Promise<void> {
  const body = parseObjectBody(
    await readBody(request.req),
    request.req.headers['content-type'],
  );
  const stored = createFrom(request, checkBody(request, body));
  respond(request, 201, stored);
}

export async function replaceObject(request: ResourceRequest): Promise<void> {
  const { definition: def, namespace, name } = request.path;
  const body = parseObjectBody(
    await readBody(request.req),
    request.req.headers['content-type'],
  );
  const served = checkBody(request, body);
  const current = request.cluster.store.mustGet(def.key, namespace, name!);
  respond(request, 200, updateFrom(request, served, current));
}

/** Applies a PATCH body of any supported type to a served-version object. */
export function applyPatchBody(
  def: ResourceDefinition,
  contentType: string | undefined,
  target: KubeObject,
  text: string,
): KubeObject {
  const type = mediaType(contentType);
  const allowed = def.custom
    ? CUSTOM_RESOURCE_PATCH_TYPES
    : BUILT_IN_PATCH_TYPES;
  if (!allowed.includes(type)) throw statusErrors.unsupportedMediaType(allowed);
  let patch: unknown;
  try {
    patch =
      type === 'application/apply-patch+yaml'
        ? yaml.load(text)
        : JSON.parse(text);
  } catch (error) {
    throw statusErrors.badRequest(
      `error decoding patch: ${(error as Error).message}`,
    );
  }
  switch (type) {
    case 'application/json-patch+json':
      return applyJsonPatch(target, patch) as KubeObject;
    case 'application/merge-patch+json':
      return applyMergePatch(target, patch) as KubeObject;
    default:
      // Server-side apply is approximated by a strategic merge (a merge patch for custom
      // resources) without field ownership: enough for `kubectl apply --server-side`.
      return (
        def.custom
          ? applyMergePatch(target, patch)
          : applyStrategicMergePatch(target, patch)
      ) as KubeObject;
  }
}

export async function patchObject(request: ResourceRequest): Promise<void> {
  const { definition: def, namespace, name, version } = request.path;
  const contentType = request.req.headers['content-type'];
  const text = await readBody(request.req);
  const current = request.cluster.store.get(def.key, namespace, name!);
  const isApply = mediaType(contentType) === 'application/apply-patch+yaml';
  if (isApply && !request.query.fieldManager) {
    throw statusErrors.invalid('PatchOptions', 'meta.k8s.io', '', [
      {
        reason: 'FieldValueRequired',
        field: 'fieldManager',
        message: 'Required value: is required for apply patch',
      },
    ]);
  }
  if (!current) {
    if (!isApply)
      throw statusErrors.notFound(
        { resource: def.plural, group: def.group },
        name!,
      );
    const body = applyPatchBody(
      def,
      contentType,
      { apiVersion: '', kind: '', metadata: { name: name! } },
      text,
    );
    respond(
      request,
      201,
      createFrom(request, checkBody(request, body as Record<string, unknown>)),
    );
    return;
  }
  const patched = applyPatchBody(
    def,
    contentType,
    structuredClone(toServedVersion(def, version, current)),
    text,
  );
  respond(
    request,
    200,
    updateFrom(
      request,
      checkBody(request, patched as Record<string, unknown>),
      current,
    ),
  );
}

interface DeleteOptionsBody {
  propagationPolicy?: 'Orphan' | 'Background' | 'Foreground';
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun?: string[];
  orphanDependents?: boolean;
}

async function readDeleteOptions(
  request: ResourceRequest,
): Promise<DeleteOptionsBody> {
  const text = await readBody(request.req);
  const body = text.trim()
    ? (parseObjectBody(
        text,
        request.req.headers['content-type'],
      ) as DeleteOptionsBody)
    : {};
  const propagationPolicy =
    (request.query
      .propagationPolicy as DeleteOptionsBody['propagationPolicy']) ??
    body.propagationPolicy ??
    (body.orphanDependents ? 'Orphan' : undefined);
  return { ...body, propagationPolicy };
}

export async function deleteObject(request: ResourceRequest): Promise<void> {
  const { definition: def, namespace, name } = request.path;
  const options = await readDeleteOptions(request);
  const dryRun =
    isDryRun(request.query) || (options.dryRun ?? []).includes('All');
  const deleted = request.cluster.store.delete(def.key, namespace, name!, {
    dryRun,
    preconditions: options.preconditions,
    propagationPolicy: options.propagationPolicy,
  });
  // Pods come back as objects (graceful deletion); other kinds answer with a Success Status.
  if (def.key === 'pods') {
    respond(request, 200, deleted);
  } else {
    sendJson(
      request.res,
      200,
      successStatus({
        name: name!,
        group: def.group,
        kind: def.plural,
        uid: deleted.metadata.uid,
      }),
    );
  }
}

export async function deleteCollection(
  request: ResourceRequest,
): Promise<void> {
  const { definition: def, namespace, version } = request.path;
  if (!def.verbs.includes('deletecollection'))
    throw statusErrors.methodNotAllowed();
  const options = await readDeleteOptions(request);
  const dryRun =
    isDryRun(request.query) || (options.dryRun ?? []).includes('All');
  const { items } = request.cluster.store.list(def.key, {
    namespace,
    labelSelector: request.query.labelSelector,
    fieldSelector: request.query.fieldSelector,
  });
  const deleted = items
    .filter(item =>
      request.cluster.store.get(
        def.key,
        item.metadata.namespace,
        item.metadata.name,
      ),
    )
    .map(item =>
      request.cluster.store.delete(
        def.key,
        item.metadata.namespace,
        item.metadata.name,
        {
          dryRun,
          propagationPolicy: options.propagationPolicy,
        },
      ),
    );
  const encoder = new ObjectEncoder(request.cluster.store, def, version);
  sendChunks(
    request.res,
    200,
    encoder.listJson(deleted, String(request.cluster.store.resourceVersion())),
  );
}
