import type { DiscoveryGroup, SandboxRoute } from '../cluster/types';
import {
  CUSTOM_METRICS_DISCOVERY,
  customMetricsRoutes,
  EXTERNAL_METRICS_DISCOVERY,
} from './customMetricsApi';
import { EXPOSITION_CONTENT_TYPE } from './prometheus/ExpositionWriter';
import { renderClusterMetrics } from './prometheus/clusterMetrics';
import type { TrafficCounters } from './prometheus/TrafficCounters';
import {
  RESOURCE_METRICS_DISCOVERY,
  resourceMetricsRoutes,
} from './resourceMetricsApi';
import type { UsageSampler } from './UsageSampler';

export { UsageSampler } from './UsageSampler';
export { TrafficCounters } from './prometheus/TrafficCounters';

/** The metrics endpoints of one cluster: metrics.k8s.io, custom and external metrics, and /metrics. */
export function metricsRoutes(
  usage: UsageSampler,
  counters: TrafficCounters,
): SandboxRoute[] {
  return [
    ...resourceMetricsRoutes(usage),
    ...customMetricsRoutes(usage),
    {
      path: '/metrics',
      public: true,
      contentType: EXPOSITION_CONTENT_TYPE,
      handle: ({ cluster }) =>
        renderClusterMetrics(
          cluster,
          usage.snapshot(cluster.clock.now()),
          counters,
        ),
    },
  ];
}

export const METRICS_DISCOVERY: DiscoveryGroup[] = [
  RESOURCE_METRICS_DISCOVERY,
  CUSTOM_METRICS_DISCOVERY,
  EXTERNAL_METRICS_DISCOVERY,
];
