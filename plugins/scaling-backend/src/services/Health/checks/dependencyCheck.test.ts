import { MetricsSource } from '@meschain/backstage-plugin-scaling-node';
import { dependencyCheck } from './dependencyCheck';

const NOW = new Date('2026-12-05T12:00:00Z');

/** A Prometheus that answers each query by the metric it reads. */
function metricsAnswering(
  values: Record<string, number>,
): MetricsSource & { queries: string[] } {
  const queries: string[] = [];
  return {
    queries,
    async query(promql, { time }) {
      queries.push(promql);
      const metric = Object.keys(values).find(name => promql.startsWith(name));
      return metric
        ? [{ labels: {}, time: time!.getTime() / 1000, value: values[metric] }]
        : [];
    },
    async queryRange() {
      throw new Error('not used');
    },
  };
}

function check(
  dependency: { name: string; type: string },
  values: Record<string, number>,
) {
  const metrics = metricsAnswering(values);
  return {
    metrics,
    result: dependencyCheck({
      metrics,
      dependency,
      region: 'eu-west',
      rateWindow: '5m',
      now: NOW,
    }),
  };
}

describe('dependencyCheck', () => {
  it("reads a database's pool and lag in the region", async () => {
    const { metrics, result } = check(
      { name: 'order-db', type: 'database' },
      {
        'sum(max_over_time(meschain_db_connections_in_use': 42,
        'sum(max_over_time(meschain_db_connections_max': 50,
        'max(max_over_time(meschain_db_replication_lag_seconds': 1.5,
      },
    );
    expect(await result).toEqual({
      id: 'dependency:order-db',
      title: 'order-db',
      region: 'eu-west',
      status: 'warn',
      summary:
        'order-db in eu-west: pool 42 of 50 connections (84 %), replication lag 1.5 s',
      figures: {
        connectionsInUse: 42,
        connectionsMax: 50,
        poolUse: 0.84,
        replicationLagSeconds: 1.5,
      },
      checkedAt: NOW.toISOString(),
    });
    expect(metrics.queries).toContain(
      'sum(max_over_time(meschain_db_connections_in_use{resource="order-db",region="eu-west"}[5m]))',
    );
  });

  it('fails a replica far behind', async () => {
    const { result } = check(
      { name: 'order-db', type: 'database' },
      {
        'sum(max_over_time(meschain_db_connections_in_use': 5,
        'sum(max_over_time(meschain_db_connections_max': 50,
        'max(max_over_time(meschain_db_replication_lag_seconds': 45,
      },
    );
    expect((await result).status).toBe('fail');
  });

  it('judges a cache by its hit ratio and a queue by what waits', async () => {
    const cache = check(
      { name: 'redis-cache', type: 'cache' },
      { 'sum(rate(meschain_cache_requests_total': 0.4 },
    );
    expect(await cache.result).toMatchObject({
      status: 'fail',
      figures: { cacheHitRatio: 0.4 },
    });
    const queue = check(
      { name: 'sync-events-queue', type: 'queue' },
      { 'sum(max_over_time(meschain_queue_messages': 120 },
    );
    expect(await queue.result).toMatchObject({
      status: 'pass',
      summary: 'sync-events-queue in eu-west: 120 messages waiting',
    });
  });

  it('warns when Prometheus has none of its series', async () => {
    const { result } = check({ name: 'order-db', type: 'database' }, {});
    expect(await result).toMatchObject({
      status: 'warn',
      summary:
        'Could not be checked: Prometheus has no series of order-db in eu-west',
    });
  });
});
