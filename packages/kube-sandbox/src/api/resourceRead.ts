import type { KubeObject } from '../store/types';
import type { ResourceRequest } from './context';
import { negotiateRead, ObjectEncoder } from './encoding';
import { sendChunks, sendJson, sendJsonText } from './http';
import { serveWatch } from './watch';

function encoderFor(request: ResourceRequest): ObjectEncoder {
  return new ObjectEncoder(
    request.cluster.store,
    request.path.definition,
    request.path.version,
  );
}

function isWatch(request: ResourceRequest): boolean {
  return (
    request.path.legacyWatch ||
    request.query.watch === 'true' ||
    request.query.watch === '1'
  );
}

export function getObject(request: ResourceRequest): void {
  if (isWatch(request)) {
    watchResource(request);
    return;
  }
  const { cluster, path, res } = request;
  const object = cluster.store.mustGet(
    path.definition.key,
    path.namespace,
    path.name!,
  );
  const encoder = encoderFor(request);
  const format = negotiateRead(request.accept, true);
  if (format.type === 'table') {
    sendJson(
      res,
      200,
      encoder.table([object], format, {
        includeObject: request.query.includeObject,
        now: cluster.clock.now(),
      }),
    );
  } else {
    sendJsonText(res, 200, encoder.json(object));
  }
}

export function listObjects(request: ResourceRequest): void {
  if (isWatch(request)) {
    watchResource(request);
    return;
  }
  const { cluster, path, query, res } = request;
  const result = cluster.store.list(path.definition.key, {
    namespace: path.namespace,
    labelSelector: query.labelSelector,
    fieldSelector: query.fieldSelector,
  });
  const encoder = encoderFor(request);
  const format = negotiateRead(request.accept, true);
  if (format.type === 'table') {
    sendJson(
      res,
      200,
      encoder.table(result.items, format, {
        includeObject: query.includeObject,
        now: cluster.clock.now(),
        resourceVersion: result.resourceVersion,
      }),
    );
  } else {
    sendChunks(
      res,
      200,
      encoder.listJson(result.items, result.resourceVersion),
    );
  }
}

function watchResource(request: ResourceRequest): void {
  const { cluster, path, query } = request;
  const encoder = encoderFor(request);
  const format = negotiateRead(request.accept, true);
  const now = () => cluster.clock.now();
  serveWatch(request.req, request.res, {
    store: cluster.store,
    resource: path.definition.key,
    namespace: path.namespace,
    name: path.name,
    labelSelector: query.labelSelector,
    fieldSelector: query.fieldSelector,
    resourceVersion: query.resourceVersion,
    timeoutSeconds: query.timeoutSeconds
      ? Number(query.timeoutSeconds)
      : undefined,
    sendInitialEvents: query.sendInitialEvents === 'true',
    encode: (object: KubeObject) =>
      format.type === 'table'
        ? JSON.stringify(
            encoder.table([object], format, {
              includeObject: query.includeObject,
              now: now(),
            }),
          )
        : encoder.json(object).toString('utf8'),
    bookmark: (resourceVersion, annotations) => ({
      kind: path.definition.kind,
      apiVersion: encoder.apiVersion,
      metadata: {
        name: '',
        resourceVersion,
        ...(annotations ? { annotations } : {}),
      },
    }),
  });
}
