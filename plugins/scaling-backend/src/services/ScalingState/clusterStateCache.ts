import { LoggerService } from '@backstage/backend-plugin-api';
import { WorkloadScalingState } from '@meschain/backstage-plugin-scaling-common';
import { createFallbackCache, StateCacheStore } from './fallbackCache';
import { WorkloadQuery } from './workloadQuery';

/** What one cluster answered for one entity's workload query. */
export type ObservedWorkloads = {
  observedAt: string;
  workloads: WorkloadScalingState[];
};

/**
 * The key of one cluster's answer to one workload query. The answer depends
 * on nothing else, so entities with the same selector share it; the caller
 * has checked that the user may see the entity before it looks here.
 */
export function clusterStateCacheKey(
  clusterName: string,
  query: WorkloadQuery,
): string {
  return JSON.stringify([
    'scaling-state/v2',
    clusterName,
    query.namespace ?? null,
    query.labelSelector,
  ]);
}

/** Reuses a cluster's answer for a few seconds, so that pages open at once do not each ask the cluster. */
export interface ClusterStateCache {
  /** Concurrent calls for the same key share one `load`. Failures are not cached. */
  getOrLoad(
    key: string,
    load: () => Promise<ObservedWorkloads>,
  ): Promise<ObservedWorkloads>;
  /** Forgets an answer, e.g. after a write to that cluster changed it. */
  evict(key: string): Promise<void>;
}

/** How long one read or write of the shared cache may take before this replica caches alone. */
const SHARED_CACHE_TIMEOUT_MS = 500;
/** How many keys' parsed answers one replica keeps for reuse. */
const PARSED_ANSWERS_KEPT = 1_000;

/**
 * A {@link ClusterStateCache} on the Backstage cache service: in memory per
 * backend replica by default, shared when the cache service is backed by
 * Redis, Valkey or memcache. With several replicas and an in-memory cache,
 * two replicas may answer up to `ttlMs` apart; the TTL is kept short for that.
 * While a shared cache fails, each replica caches in its own memory
 * (see {@link createFallbackCache}).
 */
export function createClusterStateCache(options: {
  cache: StateCacheStore;
  logger: LoggerService;
  /** 0 turns caching off. */
  ttlMs: number;
}): ClusterStateCache {
  const { logger, ttlMs } = options;
  const cache = createFallbackCache({
    shared: options.cache,
    logger,
    timeoutMs: SHARED_CACHE_TIMEOUT_MS,
    retryAfterMs: Math.max(30_000, 2 * ttlMs),
  });
  const loading = new Map<string, Promise<ObservedWorkloads>>();

  const parsed = createParsedAnswers(PARSED_ANSWERS_KEPT);

  /**
   * The answer is kept as its JSON text: the cache service's own
   * serialization parses with a reviver, which took a large share of a
   * cached read's time, where a plain `JSON.parse` of one string is native.
   */
  async function cached(key: string): Promise<ObservedWorkloads | undefined> {
    try {
      const text = await cache.get(key);
      if (typeof text === 'string') {
        return parsed.parse(key, text);
      }
      parsed.forget(key);
      return undefined;
    } catch (error) {
      logger.warn('Could not read the scaling state cache', {
        error: String(error),
      });
      return undefined;
    }
  }

  async function loadAndStore(
    key: string,
    load: () => Promise<ObservedWorkloads>,
  ): Promise<ObservedWorkloads> {
    const observed = await load();
    try {
      await cache.set(key, JSON.stringify(observed), { ttl: ttlMs });
    } catch (error) {
      logger.warn('Could not write the scaling state cache', {
        error: String(error),
      });
    }
    return observed;
  }

  return {
    async getOrLoad(key, load) {
      const hit = ttlMs > 0 ? await cached(key) : undefined;
      if (hit) {
        return hit;
      }
      const pending = loading.get(key);
      if (pending) {
        return pending;
      }
      const next = (ttlMs > 0 ? loadAndStore(key, load) : load()).finally(() =>
        loading.delete(key),
      );
      loading.set(key, next);
      return next;
    },

    async evict(key) {
      await cache.delete(key);
    },
  };
}

/**
 * The answer last parsed for each key, with the text it came from. Parsing was
 * most of a cached read's own work, and the text changes only when a cluster
 * is read again, so while the cache holds the same text its parsed answer is
 * served again. The cache is still asked every time, so an eviction by any
 * replica shows at once. Answers are shared by every request that reads them,
 * so they are frozen.
 */
function createParsedAnswers(limit: number) {
  const answers = new Map<
    string,
    { text: string; observed: ObservedWorkloads }
  >();
  return {
    parse(key: string, text: string): ObservedWorkloads {
      const last = answers.get(key);
      if (last?.text === text) {
        return last.observed;
      }
      const observed = deepFreeze(JSON.parse(text) as ObservedWorkloads);
      // Re-inserted, so that the oldest parse is the first to go.
      answers.delete(key);
      answers.set(key, { text, observed });
      if (answers.size > limit) {
        answers.delete(answers.keys().next().value!);
      }
      return observed;
    },
    forget(key: string) {
      answers.delete(key);
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
