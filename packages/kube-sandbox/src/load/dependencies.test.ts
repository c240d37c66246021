import type { ResourceSpec } from '../cluster/types';
import { resourceUsage, type DependentLoad } from './dependencies';

const DB: ResourceSpec = { name: 'order-db', type: 'database' };
const CACHE: ResourceSpec = { name: 'redis-cache', type: 'cache' };
const QUEUE: ResourceSpec = { name: 'sync-events-queue', type: 'queue' };

function dependent(overrides: Partial<DependentLoad> = {}): DependentLoad {
  return {
    requestsPerSecond: 60,
    peakRequestsPerSecond: 120,
    dbConnections: 7.4,
    queueLength: 0,
    ...overrides,
  };
}

describe('resourceUsage', () => {
  it("counts a database's pool from its users' connections, capped at its size", () => {
    expect(
      resourceUsage(DB, [dependent(), dependent({ dbConnections: 3.2 })]),
    ).toMatchObject({ connectionsInUse: 11, connectionsMax: 100 });
    expect(
      resourceUsage({ ...DB, maxConnections: 20 }, [
        dependent({ dbConnections: 35 }),
      ]),
    ).toMatchObject({ connectionsInUse: 20, connectionsMax: 20 });
  });

  it('lets replication fall further behind as writes grow and the pool fills', () => {
    const lag = (rps: number, dbConnections = 10) =>
      resourceUsage(DB, [dependent({ requestsPerSecond: rps, dbConnections })])
        .replicationLagSeconds!;
    expect(lag(0)).toBeCloseTo(0.02, 6);
    expect(lag(60)).toBeGreaterThan(lag(10));
    expect(lag(60)).toBeLessThan(0.1);
    expect(lag(60, 90)).toBeGreaterThan(2 * lag(60));
  });

  it('hits the cache about nine times in ten, less under heavy load', () => {
    const cache = (rps: number) =>
      resourceUsage(CACHE, [dependent({ requestsPerSecond: rps })]);
    expect(cache(60)).toMatchObject({ cacheRequestsPerSecond: 180 });
    expect(cache(0).cacheHitRatio).toBeCloseTo(0.97, 6);
    expect(cache(120).cacheHitRatio).toBeCloseTo(0.9, 6);
    expect(cache(240).cacheHitRatio!).toBeLessThan(cache(120).cacheHitRatio!);
  });

  it("holds a queue's messages in flight plus its consumers' backlog", () => {
    expect(
      resourceUsage(QUEUE, [
        dependent({ requestsPerSecond: 100 }),
        dependent({ requestsPerSecond: 0, queueLength: 42.4 }),
      ]),
    ).toEqual({ resource: QUEUE, queueMessages: 52 });
  });
});
