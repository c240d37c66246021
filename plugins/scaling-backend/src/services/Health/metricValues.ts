import { toError } from '@backstage/errors';
import {
  MetricSample,
  MetricSeries,
} from '@meschain/backstage-plugin-scaling-node';

/** A query's one value; null when it has none or it is not a number (e.g. a ratio without traffic). */
export function singleValue(samples: MetricSample[]): number | null {
  const value = samples[0]?.value;
  return value !== undefined && Number.isFinite(value) ? value : null;
}

/** A query's one series as sparkline points; points that are not numbers are left out. */
export function sparkline(series: MetricSeries[]): Array<[number, number]> {
  return (series[0]?.points ?? []).filter(([, value]) =>
    Number.isFinite(value),
  );
}

/** Settled results' values, and the first failure's message, if any. */
export function settled<T>(
  results: PromiseSettledResult<T>[],
  fallback: T,
): { values: T[]; error?: string } {
  const failure = results.find(
    (result): result is PromiseRejectedResult => result.status === 'rejected',
  );
  return {
    values: results.map(result =>
      result.status === 'fulfilled' ? result.value : fallback,
    ),
    error: failure && toError(failure.reason).message,
  };
}
