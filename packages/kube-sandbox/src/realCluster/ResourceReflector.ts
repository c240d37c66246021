import { setTimeout as sleep } from 'node:timers/promises';
import type { KubeObject, WatchEventType } from '../store/types';
import {
  ApiServerError,
  type ApiServerConnection,
} from './ApiServerConnection';

/** Where a reflector's objects go: the whole set after each list, then each watched change. */
export interface ReflectorSink {
  replace(objects: readonly KubeObject[]): void;
  apply(type: WatchEventType, object: KubeObject): void;
}

export interface ReflectorLogger {
  warn(message: string): void;
}

export interface ResourceReflectorOptions {
  connection: ApiServerConnection;
  /** The collection across all namespaces, e.g. `/api/v1/pods` or `/apis/apps/v1/deployments`. */
  path: string;
  sink: ReflectorSink;
  logger: ReflectorLogger;
  /** Watches are ended by the server after this long and resumed. Default 300 s. */
  watchTimeoutSeconds?: number;
  /** Retry delays double from `minRetryMs` up to `maxRetryMs`. Defaults 500 ms and 30 s. */
  minRetryMs?: number;
  maxRetryMs?: number;
}

/** Objects per list page, as client-go's reflector pages. */
const PAGE_SIZE = 500;

interface KubeList {
  apiVersion?: string;
  kind?: string;
  metadata?: { resourceVersion?: string; continue?: string };
  items?: KubeObject[];
}

interface WatchEvent {
  type: WatchEventType | 'BOOKMARK' | 'ERROR';
  object: KubeObject & { code?: number; reason?: string; message?: string };
}

/**
 * Keeps a sink in step with one resource of an API server, as client-go's reflector does: list,
 * then watch from the list's resourceVersion, resume watches that end, list again when the
 * server answers 410 Gone, and retry with backoff while the server cannot be reached. A resource
 * the server does not serve (404, e.g. a CRD not installed yet) counts as listed and empty, and
 * is asked for again later.
 */
export class ResourceReflector {
  readonly #options: ResourceReflectorOptions;
  readonly #abort = new AbortController();
  #resourceVersion?: string;
  #failures = 0;
  #markSynced!: () => void;
  readonly #synced = new Promise<void>(resolve => {
    this.#markSynced = resolve;
  });
  #running?: Promise<void>;

  constructor(options: ResourceReflectorOptions) {
    this.#options = options;
  }

  /** Resolves once the resource has been listed (or found not served) for the first time. */
  get synced(): Promise<void> {
    return this.#synced;
  }

  start(): void {
    this.#running ??= this.#run();
  }

  async stop(): Promise<void> {
    this.#abort.abort();
    await this.#running;
  }

  async #run(): Promise<void> {
    const signal = this.#abort.signal;
    while (!signal.aborted) {
      try {
        if (this.#resourceVersion === undefined) await this.#list();
        await this.#watch();
        this.#recovered();
      } catch (error) {
        if (signal.aborted) return;
        if (isGone(error)) {
          this.#resourceVersion = undefined;
          continue;
        }
        if (isNotServed(error)) {
          this.#options.sink.replace([]);
          this.#markSynced();
        }
        await this.#retryAfter(error);
      }
    }
  }

  async #list(): Promise<void> {
    const { connection, path, sink } = this.#options;
    const objects: KubeObject[] = [];
    let page: KubeList;
    let next = '';
    do {
      page = await connection.getJson<KubeList>(
        `${path}?limit=${PAGE_SIZE}${
          next ? `&continue=${encodeURIComponent(next)}` : ''
        }`,
        this.#abort.signal,
      );
      // List items carry no kind or apiVersion; the list does.
      const kind = page.kind?.replace(/List$/, '');
      for (const item of page.items ?? []) {
        objects.push({
          ...item,
          apiVersion: item.apiVersion ?? page.apiVersion ?? '',
          kind: item.kind ?? kind ?? '',
        });
      }
      next = page.metadata?.continue ?? '';
    } while (next);
    sink.replace(objects);
    this.#resourceVersion = page.metadata?.resourceVersion ?? '';
    this.#markSynced();
    this.#recovered();
  }

  async #watch(): Promise<void> {
    const { connection, path, sink } = this.#options;
    const timeoutSeconds = this.#options.watchTimeoutSeconds ?? 300;
    const query = new URLSearchParams({
      watch: '1',
      resourceVersion: this.#resourceVersion ?? '',
      allowWatchBookmarks: 'true',
      timeoutSeconds: String(timeoutSeconds),
    });
    await connection.streamLines(
      `${path}?${query}`,
      this.#abort.signal,
      value => {
        const event = value as WatchEvent;
        if (event.type === 'ERROR') {
          const status = event.object;
          throw new ApiServerError(
            status.code ?? 500,
            status.message ?? 'watch error',
            status.reason,
          );
        }
        if (event.type !== 'BOOKMARK') sink.apply(event.type, event.object);
        this.#resourceVersion =
          event.object.metadata?.resourceVersion ?? this.#resourceVersion;
      },
      // The API server sends a bookmark about every minute; a stream silent for much longer
      // than its own timeout is a connection that died without closing.
      (timeoutSeconds + 30) * 1000,
    );
  }

  #recovered(): void {
    if (this.#failures > 0)
      this.#options.logger.warn(`${this.#options.path}: in step again`);
    this.#failures = 0;
  }

  async #retryAfter(error: unknown): Promise<void> {
    const {
      minRetryMs = 500,
      maxRetryMs = 30_000,
      logger,
      path,
    } = this.#options;
    // Only the first failure of a run is worth a line: the rest repeat it every few seconds.
    if (this.#failures === 0)
      logger.warn(`${path}: ${(error as Error).message}; retrying`);
    const delay = isNotServed(error)
      ? maxRetryMs
      : Math.min(maxRetryMs, minRetryMs * 2 ** this.#failures);
    this.#failures++;
    // Cut short by stop(), which aborts the signal.
    await sleep(delay, undefined, { signal: this.#abort.signal }).catch(
      () => undefined,
    );
  }
}

function isGone(error: unknown): boolean {
  return error instanceof ApiServerError && error.code === 410;
}

function isNotServed(error: unknown): boolean {
  return error instanceof ApiServerError && error.code === 404;
}
