import { dependencySignalQuery } from './dependencies';

describe('dependencySignalQuery', () => {
  const orderDb = { resource: 'order-db', region: 'eu-west' };

  it('sums the pool in use and its maximum over the instances, each at its highest in the window', () => {
    expect(dependencySignalQuery('dbConnectionsInUse', orderDb)).toBe(
      'sum(max_over_time(meschain_db_connections_in_use{resource="order-db",region="eu-west"}[5m]))',
    );
    expect(dependencySignalQuery('dbConnectionsMax', orderDb, '1m')).toBe(
      'sum(max_over_time(meschain_db_connections_max{resource="order-db",region="eu-west"}[1m]))',
    );
  });

  it("reads the worst replica's lag", () => {
    expect(dependencySignalQuery('dbReplicationLagSeconds', orderDb)).toBe(
      'max(max_over_time(meschain_db_replication_lag_seconds{resource="order-db",region="eu-west"}[5m]))',
    );
  });

  it('reads the hit ratio as hits over all lookups in the window', () => {
    expect(
      dependencySignalQuery('cacheHitRatio', { resource: 'redis-cache' }, '1m'),
    ).toBe(
      'sum(rate(meschain_cache_requests_total{resource="redis-cache",result="hit"}[1m]))' +
        ' / sum(rate(meschain_cache_requests_total{resource="redis-cache"}[1m]))',
    );
  });

  it('sums the messages waiting, the resource name escaped', () => {
    expect(dependencySignalQuery('queueMessages', { resource: 'q"x' })).toBe(
      'sum(max_over_time(meschain_queue_messages{resource="q\\"x"}[5m]))',
    );
  });

  it('refuses a selector without a resource, and a bad window', () => {
    expect(() =>
      dependencySignalQuery('queueMessages', { resource: '' }),
    ).toThrow('A dependency signal needs the resource label to select on');
    expect(() =>
      dependencySignalQuery(
        'cacheHitRatio',
        { resource: 'redis-cache' },
        '1 m',
      ),
    ).toThrow('"1 m" is not a Prometheus duration such as 5m or 1h');
  });
});
