import {
  DEFAULT_SIGNAL_WINDOW,
  isPromDuration,
  promMatchers,
} from './goldenSignals';

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
 * @public PromQL of one signal of a dependency: connections summed over the
 * pool's instances, the worst replica's lag, hits over all cache lookups
 * over `window`, and messages waiting.
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
      return `sum(meschain_db_connections_in_use${of()})`;
    case 'dbConnectionsMax':
      return `sum(meschain_db_connections_max${of()})`;
    case 'dbReplicationLagSeconds':
      return `max(meschain_db_replication_lag_seconds${of()})`;
    case 'cacheHitRatio':
      return `sum(rate(meschain_cache_requests_total${of({
        result: 'hit',
      })}[${window}])) / sum(rate(meschain_cache_requests_total${of()}[${window}]))`;
    case 'queueMessages':
      return `sum(meschain_queue_messages${of()})`;
    default:
      throw new Error(`Unknown dependency signal "${signal satisfies never}"`);
  }
}
