import { Config } from '@backstage/config';

/** Where the default metrics source finds Prometheus, from `scaling.metrics.prometheus`. */
export interface PrometheusConfig {
  /** The Prometheus of every region without one of its own. */
  url?: string;
  /** Each region's own Prometheus, by region id. */
  regions: Map<string, string>;
  timeoutMs: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;

const baseUrl = (url: string) => url.replace(/\/+$/, '');

export function readPrometheusConfig(config: Config): PrometheusConfig {
  const prometheus = config.getOptionalConfig('scaling.metrics.prometheus');
  const regions = new Map<string, string>();
  for (const entry of prometheus?.getOptionalConfigArray('regions') ?? []) {
    const region = entry.getString('region');
    if (regions.has(region)) {
      throw new Error(
        `scaling.metrics.prometheus.regions lists region ${region} twice`,
      );
    }
    regions.set(region, baseUrl(entry.getString('url')));
  }
  const url = prometheus?.getOptionalString('url');
  return {
    url: url ? baseUrl(url) : undefined,
    regions,
    timeoutMs: prometheus?.getOptionalNumber('timeoutMs') ?? DEFAULT_TIMEOUT_MS,
  };
}
