import type { IncomingMessage, ServerResponse } from 'node:http';
import { isStatusError, statusErrors } from '../status';
import type {
  KubeObject,
  ObjectStore,
  ResourceKey,
  StoreEvent,
  WatchEventType,
} from '../store/types';

/** Watches end after this long unless the client asks for less (the API server picks 30–60 min). */
const MAX_WATCH_SECONDS = 1800;

export interface WatchRequest {
  store: ObjectStore;
  resource: ResourceKey;
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  /** A single object's watch (`fieldSelector=metadata.name=x` or `/watch/.../name`). */
  name?: string;
  resourceVersion?: string;
  timeoutSeconds?: number;
  /** `sendInitialEvents=true`: end the initial ADDED events with a bookmark, as watch-list clients expect. */
  sendInitialEvents: boolean;
  /** The JSON text of an event's object in the format the client asked for. */
  encode(object: KubeObject, type: WatchEventType): string;
  /** A bookmark object of the resource's kind carrying only a resourceVersion. */
  bookmark(
    resourceVersion: string,
    annotations?: Record<string, string>,
  ): KubeObject;
}

/** Streams watch events as newline-delimited JSON until the timeout or the client goes away. */
export function serveWatch(
  req: IncomingMessage,
  res: ServerResponse,
  watch: WatchRequest,
): void {
  const { store } = watch;
  const fieldSelector = [
    watch.fieldSelector,
    watch.name ? `metadata.name=${watch.name}` : undefined,
  ]
    .filter(Boolean)
    .join(',');
  const filter = {
    namespace: watch.namespace,
    labelSelector: watch.labelSelector,
    fieldSelector: fieldSelector || undefined,
  };

  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-cache, private',
  });
  res.flushHeaders();
  const write = (type: string, objectJson: string) =>
    res.write(`{"type":"${type}","object":${objectJson}}\n`);
  const send = (event: StoreEvent) =>
    write(event.type, watch.encode(event.object, event.type));

  let unsubscribe: () => void = () => undefined;
  const rv = watch.resourceVersion;
  try {
    if (!rv || rv === '0') {
      const snapshot = store.list(watch.resource, filter);
      for (const object of snapshot.items)
        write('ADDED', watch.encode(object, 'ADDED'));
      if (watch.sendInitialEvents) {
        write(
          'BOOKMARK',
          JSON.stringify(
            watch.bookmark(snapshot.resourceVersion, {
              'k8s.io/initial-events-end': 'true',
            }),
          ),
        );
      }
      unsubscribe = store.watch(send, { ...filter, resource: watch.resource });
    } else {
      const since = Number(rv);
      if (!Number.isFinite(since))
        throw statusErrors.badRequest(`invalid resource version: ${rv}`);
      unsubscribe = store.watch(send, {
        ...filter,
        resource: watch.resource,
        sinceResourceVersion: since,
      });
    }
  } catch (error) {
    const status = isStatusError(error)
      ? error.status
      : statusErrors.internal(String(error)).status;
    write('ERROR', JSON.stringify(status));
    res.end();
    return;
  }

  const seconds = Math.min(
    watch.timeoutSeconds ?? MAX_WATCH_SECONDS,
    MAX_WATCH_SECONDS,
  );
  const timer = setTimeout(() => res.end(), seconds * 1000);
  const stop = () => {
    clearTimeout(timer);
    unsubscribe();
  };
  res.on('close', stop);
  req.on('close', stop);
}
