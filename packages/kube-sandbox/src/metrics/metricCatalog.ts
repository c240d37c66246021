import type { PodUsage } from '../load';
import type { ServiceSnapshot } from './UsageSampler';

/**
 * The custom and external metrics the sandbox serves, by name. One table feeds the HPA
 * controller and the custom/external metrics APIs, so an HPA reads what `kubectl get --raw` shows.
 */

type PodMetric = (usage: PodUsage) => number;
type ServiceMetric = (service: ServiceSnapshot) => number;

/** Per-pod metrics (HPA `Pods` metrics; custom.metrics.k8s.io `pods/*`). */
export const POD_METRICS: Readonly<Record<string, PodMetric>> = {
  http_requests_per_second: u => u.requestsPerSecond,
  http_requests_per_minute: u => u.requestsPerSecond * 60,
  http_p95_latency_ms: u => u.p95LatencyMs,
  http_request_duration_p95_seconds: u => u.p95LatencyMs / 1000,
  http_error_ratio: u => u.errorRatio,
  queue_length: u => u.queueLength,
  db_connections: u => u.dbConnections,
};

/** Whole-service metrics (HPA `Object` metrics on a Service, Deployment or Rollout). */
export const OBJECT_METRICS: Readonly<Record<string, ServiceMetric>> = {
  http_requests_per_second: s => s.requestsPerSecond,
  http_requests_per_minute: s => s.requestsPerSecond * 60,
  http_p95_latency_ms: s => s.p95LatencyMs,
  http_request_duration_p95_seconds: s => s.p95LatencyMs / 1000,
  http_error_ratio: s => s.errorRatio,
  queue_length: s => s.queueLength,
  db_connections: s => s.dbConnections,
  marketplace_api_latency_ms: s => s.load.marketplaceApiLatencyMs,
};

/** External metrics (external.metrics.k8s.io), one series per service. */
export const EXTERNAL_METRICS: Readonly<Record<string, ServiceMetric>> = {
  marketplace_api_latency_ms: s => s.load.marketplaceApiLatencyMs,
  queue_length: s => s.queueLength,
  db_connections: s => s.dbConnections,
  http_requests_per_second: s => s.requestsPerSecond,
};

export interface ExternalSeries {
  labels: Record<string, string>;
  value: number;
}

/** Selector labels that name the service an external series belongs to. */
const SERVICE_LABELS = ['service', 'app', 'queue'] as const;

/**
 * The series of an external metric that a selector picks: the named service's, or every service
 * for which the metric means something (a non-zero value). The HPA adds the values up, as upstream.
 */
export function externalMetricSeries(
  name: string,
  services: readonly ServiceSnapshot[],
  matchLabels: Readonly<Record<string, string>> | undefined,
): ExternalSeries[] | undefined {
  const read = EXTERNAL_METRICS[name];
  if (!read) return undefined;
  const named = SERVICE_LABELS.map(label => matchLabels?.[label]).find(Boolean);
  const picked = named
    ? services.filter(s => s.service === named)
    : services.filter(s => read(s) > 0);
  return picked.map(s => ({
    labels: { service: s.service, ...matchLabels },
    value: read(s),
  }));
}
