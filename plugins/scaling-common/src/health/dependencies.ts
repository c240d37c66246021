import { DEFAULT_SIGNAL_WINDOW, promMatchers } from './goldenSignals';
import { isPromDuration } from './promDuration';

/**
 * @public What the health of a service's dependencies is read from: the
 * series of a catalog Resource (its name is their `resource` label).
 */
export type DependencySignal =
  | 'dbConnectionsInUse'
  | 'dbConnectionsMax'
  | 'dbReplicationLagSeconds'
  | 'cacheHitRatio'
  | 'queueMessages';

/** @public Every dependency signal. */
export const DEPENDENCY_SIGNALS: readonly DependencySignal[] = [
  'dbConnectionsInUse',
  'dbConnectionsMax',
  'dbReplicationLagSeconds',
  'cacheHitRatio',
  'queueMessages',
];

/** @public A catalog Resource's series in one region, or in all. */
export interface DependencySelector {
  resource: string;
  region?: string;
}

/**
 * @public PromQL of one signal of a dependency over `window`: the most
 * connections in use and allowed, summed over the pool's instances, the
 * worst replica's longest lag, hits over all cache lookups, and the most
 * messages waiting. Gauges are read at their highest in the window, so a
 * missed scrape leaves no gap and a short spike is not lost between reads.
 */
export function dependencySignalQuery(
  signal: DependencySignal,
  selector: DependencySelector,
  window: string = DEFAULT_SIGNAL_WINDOW,
): string {
  if (!selector.resource) {
    throw new Error(
      'A dependency signal needs the resource label to select on',
    );
  }
  if (!isPromDuration(window)) {
    throw new Error(
      `"${window}" is not a Prometheus duration such as 5m or 1h`,
    );
  }
  const of = (extra: Record<string, string> = {}) =>
    promMatchers({
      resource: selector.resource,
      region: selector.region,
      ...extra,
    });
  switch (signal) {
    case 'dbConnectionsInUse':
      return `sum(max_over_time(meschain_db_connections_in_use${of()}[${window}]))`;
    case 'dbConnectionsMax':
      return `sum(max_over_time(meschain_db_connections_max${of()}[${window}]))`;
    case 'dbReplicationLagSeconds':
      return `max(max_over_time(meschain_db_replication_lag_seconds${of()}[${window}]))`;
    case 'cacheHitRatio':
      return `sum(rate(meschain_cache_requests_total${of({
        result: 'hit',
      })}[${window}])) / sum(rate(meschain_cache_requests_total${of()}[${window}]))`;
    case 'queueMessages':
      return `sum(max_over_time(meschain_queue_messages${of()}[${window}]))`;
    default:
      throw new Error(`Unknown dependency signal "${signal satisfies never}"`);
  }
}
