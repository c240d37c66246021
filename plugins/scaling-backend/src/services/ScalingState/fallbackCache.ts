import { CacheService, LoggerService } from '@backstage/backend-plugin-api';
import { JsonValue } from '@backstage/types';
import { withTimeout } from './withDeadline';

/** The part of the cache service the state cache uses. */
export type StateCacheStore = Pick<CacheService, 'get' | 'set' | 'delete'>;

/**
 * The shared cache service (Redis, Valkey, memcache), or this replica's own
 * memory while the shared one fails or is slow: the suite keeps answering from
 * the clusters, each replica caching for itself, and says so in a warning.
 * After `retryAfterMs` the shared cache is tried again. That is longer than
 * any entry's TTL, so an entry it kept from before the outage, which a write
 * during it could not evict, has expired by then.
 */
export function createFallbackCache(options: {
  shared: StateCacheStore;
  logger: LoggerService;
  /** How long one operation on the shared cache may take. */
  timeoutMs: number;
  retryAfterMs: number;
  now?: () => number;
}): StateCacheStore {
  const { shared, logger, timeoutMs, retryAfterMs } = options;
  const now = options.now ?? Date.now;
  const local = new Map<string, { value: JsonValue; expiresAt: number }>();
  let sharedDownSince: number | undefined;

  function useShared(): boolean {
    if (sharedDownSince === undefined) {
      return true;
    }
    return now() - sharedDownSince >= retryAfterMs;
  }

  async function onShared<T>(work: () => Promise<T>): Promise<T> {
    const result = await withTimeout(
      timeoutMs,
      () => new Error(`the shared cache did not answer within ${timeoutMs} ms`),
      work,
    );
    if (sharedDownSince !== undefined) {
      sharedDownSince = undefined;
      local.clear();
      logger.info(
        'The shared cache answers again; the scaling state cache is shared by the replicas once more',
      );
    }
    return result;
  }

  function sharedFailed(error: unknown) {
    if (sharedDownSince === undefined) {
      logger.warn(
        'The shared cache failed; caching the scaling state in this replica only, so replicas may answer up to the cache TTL apart',
        { error: String(error), retryAfterMs },
      );
    }
    sharedDownSince = now();
  }

  return {
    async get(key) {
      if (useShared()) {
        try {
          return await onShared(() => shared.get(key));
        } catch (error) {
          sharedFailed(error);
        }
      }
      const entry = local.get(key);
      if (entry && entry.expiresAt > now()) {
        return entry.value as any;
      }
      local.delete(key);
      return undefined;
    },

    async set(key, value, setOptions) {
      if (useShared()) {
        try {
          await onShared(() => shared.set(key, value, setOptions));
          return;
        } catch (error) {
          sharedFailed(error);
        }
      }
      const ttl = setOptions?.ttl;
      const ttlMs = typeof ttl === 'number' ? ttl : 0;
      if (ttlMs > 0) {
        local.set(key, { value, expiresAt: now() + ttlMs });
      }
    },

    async delete(key) {
      local.delete(key);
      if (useShared()) {
        try {
          await onShared(() => shared.delete(key));
        } catch (error) {
          sharedFailed(error);
        }
      }
    },
  };
}
