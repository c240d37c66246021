import type { ResourceSpec } from '../cluster/types';

/** What a resource sees of one service that uses it, at one instant. */
export interface DependentLoad {
  requestsPerSecond: number;
  /** The service's request rate at its daily peak: how hard it is pushing, relatively. */
  peakRequestsPerSecond: number;
  /** Connections its pods hold (a few idle each, plus those held by requests in flight). */
  dbConnections: number;
  /** Messages waiting for its consumers. */
  queueLength: number;
}

/** One database, cache or queue at one instant, as its exporter would report it. */
export interface ResourceUsage {
  resource: ResourceSpec;
  /** Database: connections in use, and the pool's size. */
  connectionsInUse?: number;
  connectionsMax?: number;
  /** Database: how far its replica is behind, in seconds. */
  replicationLagSeconds?: number;
  /** Cache: lookups per second and the share of them that hit. */
  cacheRequestsPerSecond?: number;
  cacheHitRatio?: number;
  /** Queue: messages ready or unacknowledged. */
  queueMessages?: number;
}

const DEFAULT_MAX_CONNECTIONS = 100;
/** Share of requests that write to their database. */
const WRITE_SHARE = 0.15;
/** Replication lag with no writes, and what each write per second adds to it. */
const BASE_LAG_SECONDS = 0.02;
const LAG_SECONDS_PER_WRITE = 0.004;
/** Pool use above which the primary is busy enough to slow its replication. */
const BUSY_POOL = 0.5;
/** Cache lookups per request (sessions, prices, rate limits). */
const LOOKUPS_PER_REQUEST = 3;
/** Hit ratio of an idle cache, and what a service at its daily peak takes off it (evictions). */
const IDLE_HIT_RATIO = 0.97;
const HIT_RATIO_DROP_AT_PEAK = 0.07;
/** Events published per request, each in the queue for about this long before it is consumed. */
const EVENTS_PER_REQUEST = 0.5;
const EVENT_DWELL_SECONDS = 0.2;

/** A resource's figures from the load of the services that use it. */
export function resourceUsage(
  resource: ResourceSpec,
  dependents: readonly DependentLoad[],
): ResourceUsage {
  const rps = sum(dependents, d => d.requestsPerSecond);
  switch (resource.type) {
    case 'database': {
      const max = resource.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
      const inUse = Math.min(
        max,
        Math.round(sum(dependents, d => d.dbConnections)),
      );
      const busy = Math.max(0, inUse / max - BUSY_POOL);
      return {
        resource,
        connectionsInUse: inUse,
        connectionsMax: max,
        replicationLagSeconds:
          (BASE_LAG_SECONDS + rps * WRITE_SHARE * LAG_SECONDS_PER_WRITE) *
          (1 + 4 * busy),
      };
    }
    case 'cache': {
      const peak = sum(dependents, d => d.peakRequestsPerSecond);
      const pressure = peak > 0 ? Math.min(rps / peak, 2) : 0;
      return {
        resource,
        cacheRequestsPerSecond: rps * LOOKUPS_PER_REQUEST,
        cacheHitRatio: IDLE_HIT_RATIO - HIT_RATIO_DROP_AT_PEAK * pressure,
      };
    }
    case 'queue':
      return {
        resource,
        queueMessages: Math.round(
          sum(dependents, d => d.queueLength) +
            rps * EVENTS_PER_REQUEST * EVENT_DWELL_SECONDS,
        ),
      };
    default:
      return { resource };
  }
}

function sum<T>(items: readonly T[], value: (item: T) => number): number {
  return items.reduce((total, item) => total + value(item), 0);
}
