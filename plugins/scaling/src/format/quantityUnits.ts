/**
 * The unit of a figure, read from its name: an HPA metric's name
 * (`http_requests_per_minute`, `marketplace_api_latency_ms`, `queue_length`)
 * or a cost recommendation's input (`monthlyComputeCost`, `spotDiscount`).
 */
export type QuantityUnit =
  /** Events per minute, e.g. requests. */
  | 'perMinute'
  /** Events per second. */
  | 'perSecond'
  | 'milliseconds'
  | 'seconds'
  | 'bytes'
  | 'gibibytes'
  | 'cores'
  | 'hours'
  /** Already a percentage, e.g. an HPA's `averageUtilization` of 70. */
  | 'percent'
  /** A share of a whole, 0 to 1, shown as a percentage. */
  | 'fraction'
  /** Money in the answer's currency. */
  | 'money'
  /** A plain count or level, e.g. a queue's length or a number of replicas. */
  | 'count';

/** Suffixes of Prometheus-style metric names, longest first where one ends another. */
const METRIC_SUFFIXES: Array<[RegExp, QuantityUnit]> = [
  [/_per_(minute|min)$/, 'perMinute'],
  [/_per_(second|sec)$|_rate$|_rps$/, 'perSecond'],
  [/_(ms|milliseconds)$/, 'milliseconds'],
  [/_seconds$/, 'seconds'],
  [/_bytes$/, 'bytes'],
  [/_(percent|ratio)$/, 'percent'],
];

/**
 * The unit of an HPA metric's values: CPU in cores and memory in bytes for
 * resource metrics, otherwise read from the metric name's suffix; a count
 * when the name has none.
 */
export function unitOfMetric(name: string): QuantityUnit {
  if (name === 'cpu') return 'cores';
  if (name === 'memory' || name === 'ephemeral-storage') return 'bytes';
  const lower = name.toLowerCase();
  return (
    METRIC_SUFFIXES.find(([pattern]) => pattern.test(lower))?.[1] ?? 'count'
  );
}

/** The last words of camelCase figure names, and what they measure. */
const FIGURE_ENDINGS: Array<[RegExp, QuantityUnit]> = [
  [/Cost$/, 'money'],
  [/(Discount|Share|ShareOfRequest|^headroom)$/, 'fraction'],
  [/Utilization$/, 'percent'],
  [/Cores$/, 'cores'],
  [/GiB$/, 'gibibytes'],
  [/^hours$|Hours$|HoursPerDay$/, 'hours'],
];

/**
 * The unit of a cost recommendation's input or proposal, from its name:
 * `…Cost` is money, `…Discount` and `…Share` are fractions, `…Utilization` a
 * percentage, `…Cores` and `…GiB` resources, `hours` and `…Hours` time, the
 * rest (replicas) counts.
 */
export function unitOfFigure(name: string): QuantityUnit {
  return FIGURE_ENDINGS.find(([pattern]) => pattern.test(name))?.[1] ?? 'count';
}
