import { statusErrors } from '../status';
import type { KubeObject } from '../store/types';
import { isDryRun, type ResourceRequest } from './context';
import { toScale, toServedVersion, toStorageVersion } from './conversion';
import { ObjectEncoder } from './encoding';
import {
  mediaType,
  parseObjectBody,
  readBody,
  sendJson,
  sendJsonText,
} from './http';
import { applyJsonPatch, applyMergePatch } from './patch';
import { validateScale } from './validation';
import { applyPatchBody } from './resourceWrite';

/** `/scale`: an autoscaling/v1 Scale view of `spec.replicas`, written with the parent's resourceVersion. */
export async function handleScale(request: ResourceRequest): Promise<void> {
  const { definition: def, namespace, name } = request.path;
  const store = request.cluster.store;
  const current = store.mustGet(def.key, namespace, name!);
  const method = request.req.method;
  if (method === 'GET') {
    sendJson(request.res, 200, toScale(current));
    return;
  }
  const text = await readBody(request.req);
  let scale: KubeObject;
  if (method === 'PUT') {
    scale = parseObjectBody(
      text,
      request.req.headers['content-type'],
    ) as KubeObject;
  } else if (method === 'PATCH') {
    const type = mediaType(request.req.headers['content-type']);
    const patch = JSON.parse(text || '{}');
    const base = structuredClone(toScale(current));
    scale = (
      type === 'application/json-patch+json'
        ? applyJsonPatch(base, patch)
        : applyMergePatch(base, patch)
    ) as KubeObject;
  } else {
    throw statusErrors.methodNotAllowed();
  }
  const replicas = (scale.spec as { replicas?: unknown } | undefined)?.replicas;
  const causes = validateScale(replicas);
  if (causes.length)
    throw statusErrors.invalid('Scale', 'autoscaling', name!, causes);
  const draft = structuredClone(current) as KubeObject & {
    spec: { replicas?: number };
  };
  draft.spec = { ...draft.spec, replicas: replicas as number };
  draft.metadata.resourceVersion =
    scale.metadata?.resourceVersion || current.metadata.resourceVersion;
  const updated = store.update(def.key, draft, {
    dryRun: isDryRun(request.query),
  });
  sendJson(request.res, 200, toScale(updated));
}

/** `/status`: reads the object; writes replace only its status. */
export async function handleStatus(request: ResourceRequest): Promise<void> {
  const { definition: def, namespace, name, version } = request.path;
  const store = request.cluster.store;
  const encoder = new ObjectEncoder(store, def, version);
  const current = store.mustGet(def.key, namespace, name!);
  const method = request.req.method;
  if (method === 'GET') {
    sendJsonText(request.res, 200, encoder.json(current));
    return;
  }
  const text = await readBody(request.req);
  let served: KubeObject;
  if (method === 'PUT') {
    served = parseObjectBody(
      text,
      request.req.headers['content-type'],
    ) as KubeObject;
    if (served.metadata?.name !== name) {
      throw statusErrors.badRequest(
        `the name of the object (${served.metadata?.name}) does not match the name on the URL (${name})`,
      );
    }
  } else if (method === 'PATCH') {
    const base = structuredClone(toServedVersion(def, version, current));
    served = applyPatchBody(
      def,
      request.req.headers['content-type'],
      base,
      text,
    );
  } else {
    throw statusErrors.methodNotAllowed();
  }
  const incoming = toStorageVersion(def, version, served);
  const updated = store.updateStatus(
    def.key,
    {
      ...current,
      metadata: {
        ...current.metadata,
        resourceVersion: incoming.metadata.resourceVersion,
      },
      status: incoming.status,
    },
    { dryRun: isDryRun(request.query) },
  );
  sendJsonText(request.res, 200, encoder.json(updated));
}
