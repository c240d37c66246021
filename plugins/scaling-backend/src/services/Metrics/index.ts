export { createPrometheusMetricsSource } from './createPrometheusMetricsSource';
export { readPrometheusConfig } from './readPrometheusConfig';
export type { PrometheusConfig } from './readPrometheusConfig';
