/**
 * The golden signals of a service, as PromQL over the series its pods export:
 * the HTTP middleware's `http_requests_total` and latency histogram, cAdvisor's
 * container usage and kube-state-metrics' resource requests. Written once here
 * so the health view, the alert rules and the tests read the same figures.
 */
import { isPromDuration } from './promDuration';

/** @public */
export type GoldenSignal =
  | 'requestRate'
  | 'errorRatio'
  | 'latencyP50'
  | 'latencyP95'
  | 'latencyP99'
  | 'cpuSaturation'
  | 'memorySaturation';

/** @public Every golden signal, in the order the views show them. */
export const GOLDEN_SIGNALS: readonly GoldenSignal[] = [
  'requestRate',
  'errorRatio',
  'latencyP50',
  'latencyP95',
  'latencyP99',
  'cpuSaturation',
  'memorySaturation',
];

/**
 * @public The series of one service: its kubernetes-id is the `service` label
 * of its pods' series; `region` narrows to one region's clusters.
 */
export interface GoldenSignalSelector {
  service: string;
  region?: string;
  namespace?: string;
}

/** @public The window `rate()` looks back over when none is given. */
export const DEFAULT_SIGNAL_WINDOW = '5m';

/** @public Quotes a label value as a PromQL string literal. */
export function promLabelValue(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n');
  return `"${escaped}"`;
}

/**
 * @public Equality matchers of the labels that have a value, e.g.
 * `{service="checkout",region="eu-west"}`, their values escaped.
 */
export function promMatchers(
  labels: Record<string, string | undefined>,
): string {
  return `{${Object.entries(labels)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `${name}=${promLabelValue(value)}`)
    .join(',')}}`;
}

/**
 * @public The label matchers of a selector, with any extra equality matchers,
 * e.g. `{service="checkout",region="eu-west",code="5xx"}`.
 */
export function promSelector(
  selector: GoldenSignalSelector,
  extra: Record<string, string> = {},
): string {
  if (!selector.service) {
    throw new Error('A golden signal needs the service label to select on');
  }
  return promMatchers({
    service: selector.service,
    namespace: selector.namespace,
    region: selector.region,
    ...extra,
  });
}

function checkWindow(window: string): void {
  if (!isPromDuration(window)) {
    throw new Error(
      `"${window}" is not a Prometheus duration such as 5m or 1h`,
    );
  }
}

/**
 * @public The request rate of a service by status code class (`code` is
 * `2xx` or `5xx`), so that error ratios can be summed across Prometheus
 * servers: the errors' rates over the sum of all.
 */
export function requestRateByCodeQuery(
  selector: GoldenSignalSelector,
  window: string,
): string {
  checkWindow(window);
  return `sum by (code) (rate(http_requests_total${promSelector(
    selector,
  )}[${window}]))`;
}

const QUANTILES: Partial<Record<GoldenSignal, number>> = {
  latencyP50: 0.5,
  latencyP95: 0.95,
  latencyP99: 0.99,
};

/** `sum(...)`, or `sum by (...) (...)` when grouped. */
function sumOf(expression: string, by: readonly string[] = []): string {
  return by.length === 0
    ? `sum(${expression})`
    : `sum by (${by.join(', ')}) (${expression})`;
}

type Matchers = (extra?: Record<string, string>) => string;

/** The request rate, the error ratio and the latency quantiles, for one service or grouped over many. */
function requestSignalQuery(
  signal: FleetGoldenSignal,
  of: Matchers,
  window: string,
  by: readonly string[] = [],
): string {
  const requests = sumOf(`rate(http_requests_total${of()}[${window}])`, by);
  switch (signal) {
    case 'requestRate':
      return requests;
    case 'errorRatio':
      return `${sumOf(
        `rate(http_requests_total${of({ code: '5xx' })}[${window}])`,
        by,
      )} / ${requests}`;
    case 'latencyP50':
    case 'latencyP95':
    case 'latencyP99':
      return `histogram_quantile(${QUANTILES[signal]}, ${sumOf(
        `rate(http_request_duration_seconds_bucket${of()}[${window}])`,
        [...by, 'le'],
      )})`;
    default:
      throw new Error(`Unknown golden signal "${signal satisfies never}"`);
  }
}

/**
 * PromQL of one signal for a service in one region, over `window`.
 * Units: requestRate req/s, errorRatio 0..1, latencies in seconds,
 * saturations 0..1 of the pods' requests.
 *
 * @public
 */
export function goldenSignalQuery(
  signal: GoldenSignal,
  selector: GoldenSignalSelector,
  window: string = DEFAULT_SIGNAL_WINDOW,
): string {
  checkWindow(window);
  const of = (extra?: Record<string, string>) => promSelector(selector, extra);
  switch (signal) {
    // Gauges are read over the window too, as the CPU rate is: the same pods on both sides of
    // the ratio, and a missed scrape (which marks a target's series stale) leaves no gap.
    case 'cpuSaturation':
      return `sum(rate(container_cpu_usage_seconds_total${of()}[${window}])) / sum(max_over_time(kube_pod_container_resource_requests${of(
        { resource: 'cpu' },
      )}[${window}]))`;
    case 'memorySaturation':
      return `sum(avg_over_time(container_memory_working_set_bytes${of()}[${window}])) / sum(max_over_time(kube_pod_container_resource_requests${of(
        { resource: 'memory' },
      )}[${window}]))`;
    default:
      return requestSignalQuery(signal, of, window);
  }
}

/** @public The signals that can be read for every service at once, from the HTTP series. */
export type FleetGoldenSignal = Exclude<
  GoldenSignal,
  'cpuSaturation' | 'memorySaturation'
>;

/** @public The labels a fleet-wide query groups by: a service's kubernetes-id and its region. */
export const FLEET_SIGNAL_LABELS = ['service', 'region'] as const;

/**
 * PromQL of one signal for every service and region at once, grouped
 * `by (service, region)`: the same figure {@link goldenSignalQuery} reads for
 * one of them, in one query for a whole fleet.
 *
 * @public
 */
export function fleetGoldenSignalQuery(
  signal: FleetGoldenSignal,
  window: string = DEFAULT_SIGNAL_WINDOW,
): string {
  checkWindow(window);
  const of = (extra?: Record<string, string>) =>
    extra ? promMatchers(extra) : '';
  return requestSignalQuery(signal, of, window, FLEET_SIGNAL_LABELS);
}

/**
 * @public PromQL of a service's CPU or memory use against its pods' limits
 * over `window`, 0..1, over the pods that have a limit; no value when none has.
 */
export function limitSaturationQuery(
  resource: 'cpu' | 'memory',
  selector: GoldenSignalSelector,
  window: string = DEFAULT_SIGNAL_WINDOW,
): string {
  checkWindow(window);
  const limits = `max_over_time(kube_pod_container_resource_limits${promSelector(
    selector,
    { resource },
  )}[${window}])`;
  const usage =
    resource === 'cpu'
      ? `rate(container_cpu_usage_seconds_total${promSelector(
          selector,
        )}[${window}])`
      : `avg_over_time(container_memory_working_set_bytes${promSelector(
          selector,
        )}[${window}])`;
  return `sum(${usage} and on (cluster, namespace, pod) ${limits}) / sum(${limits})`;
}
