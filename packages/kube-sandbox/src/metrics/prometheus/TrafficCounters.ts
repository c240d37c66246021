import type { UsageSampler } from '../UsageSampler';

/** Upper bounds (seconds) of the request latency histogram: Prometheus client defaults. */
export const LATENCY_BUCKETS = [
  0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
] as const;

/** Counters of one pod since it started, as its cAdvisor and HTTP middleware would report them. */
export interface PodCounters {
  cpuSeconds: number;
  requests: number;
  errors: number;
  latencySum: number;
  /** Cumulative count of requests at or under each of `LATENCY_BUCKETS`. */
  latencyBuckets: number[];
}

/** Lookups of one cache since the sandbox started, as its exporter would count them. */
export interface CacheCounters {
  hits: number;
  misses: number;
}

/**
 * Prometheus counters need a past: this integrates per-pod rates from the load model every
 * `stepMs` of simulated time, so that `rate()` over a scrape series gives back the modelled rates.
 * Latencies are drawn as exponential with the modelled p95 (mean = p95 / ln 20).
 */
export class TrafficCounters {
  readonly #usage: UsageSampler;
  readonly #stepMs: number;
  readonly #pods = new Map<string, PodCounters>();
  readonly #caches = new Map<string, CacheCounters>();
  #integratedUntil?: number;

  constructor(usage: UsageSampler, stepMs = 15_000) {
    this.#usage = usage;
    this.#stepMs = stepMs;
  }

  /** Integrates up to `now` (called from the simulation's tick). */
  advance(now: number): void {
    if (this.#integratedUntil === undefined) {
      this.#integratedUntil = now;
      return;
    }
    while (this.#integratedUntil + this.#stepMs <= now) {
      this.#integratedUntil += this.#stepMs;
      this.#integrate(this.#integratedUntil, this.#stepMs / 1000);
    }
  }

  get(namespace: string, pod: string): PodCounters | undefined {
    return this.#pods.get(`${namespace}/${pod}`);
  }

  /** A cache resource's counters, by its name. */
  cache(resource: string): CacheCounters | undefined {
    return this.#caches.get(resource);
  }

  #integrate(at: number, seconds: number): void {
    const snapshot = this.#usage.snapshot(at);
    for (const usage of snapshot.resources()) {
      if (usage.cacheRequestsPerSecond === undefined) continue;
      let counters = this.#caches.get(usage.resource.name);
      if (!counters) {
        counters = { hits: 0, misses: 0 };
        this.#caches.set(usage.resource.name, counters);
      }
      const lookups = usage.cacheRequestsPerSecond * seconds;
      const hitRatio = usage.cacheHitRatio ?? 0;
      counters.hits += lookups * hitRatio;
      counters.misses += lookups * (1 - hitRatio);
    }
    const alive = new Set<string>();
    for (const { pod, usage } of snapshot.pods) {
      const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
      alive.add(key);
      if (!usage) continue;
      let counters = this.#pods.get(key);
      if (!counters) {
        counters = {
          cpuSeconds: 0,
          requests: 0,
          errors: 0,
          latencySum: 0,
          latencyBuckets: LATENCY_BUCKETS.map(() => 0),
        };
        this.#pods.set(key, counters);
      }
      const requests = usage.requestsPerSecond * seconds;
      const meanSeconds = usage.p95LatencyMs / 1000 / Math.log(20);
      counters.cpuSeconds += usage.cpuCores * seconds;
      counters.requests += requests;
      counters.errors += requests * usage.errorRatio;
      counters.latencySum += requests * meanSeconds;
      LATENCY_BUCKETS.forEach((bound, i) => {
        counters!.latencyBuckets[i] +=
          requests * (meanSeconds > 0 ? 1 - Math.exp(-bound / meanSeconds) : 1);
      });
    }
    for (const key of this.#pods.keys()) {
      if (!alive.has(key)) this.#pods.delete(key);
    }
  }
}
