/**
 * The metric names a rendered HPA asks the metrics adapter for. They follow
 * the platform's Prometheus adapter rules, so they must not be renamed here alone.
 */
import type { CustomMetricName, CustomMetricSource } from './types';

/** @public The Pods metric a requests target scales on. */
export const REQUESTS_PER_MINUTE_METRIC = 'http_requests_per_minute';

/** @public The Pods metric a response-time limit scales on; in seconds, as Prometheus names durations. */
export const RESPONSE_TIME_METRIC = 'http_request_duration_p95_seconds';

/** @public What the editor shows about a custom metric, and how the HPA may read it. */
export interface CustomMetricInfo {
  title: string;
  unit: string;
  sources: readonly CustomMetricSource[];
}

/** @public The custom metrics a policy may scale on. */
export const CUSTOM_METRICS: Readonly<
  Record<CustomMetricName, CustomMetricInfo>
> = {
  queue_length: {
    title: 'Queue length',
    unit: 'messages',
    sources: ['Pods', 'Object', 'External'],
  },
  db_connections: {
    title: 'Database connections',
    unit: 'connections',
    sources: ['Pods', 'Object', 'External'],
  },
  // The latency of the third-party marketplace APIs a service calls: a
  // property of the service, which no single pod reports.
  marketplace_api_latency_ms: {
    title: 'Marketplace API latency',
    unit: 'ms',
    sources: ['Object', 'External'],
  },
};
