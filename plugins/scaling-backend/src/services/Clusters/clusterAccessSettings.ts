import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** How the backend talks to clusters, from the `scaling` config. */
export type ClusterAccessSettings = {
  /** The longest one request, and one cluster's whole read, may take. */
  timeoutMs: number;
  /** How long a cluster source's list is reused. */
  listCacheTtlMs: number;
};

const DEFAULT_TIMEOUT_MS = 5_000;
const DEFAULT_LIST_CACHE_TTL_MS = 30_000;

/** A whole number of milliseconds at `key`, at least `min`. */
export function readMilliseconds(
  config: Config,
  key: string,
  options: { defaultMs: number; min: number },
): number {
  const value = config.getOptionalNumber(key);
  if (value === undefined) {
    return options.defaultMs;
  }
  if (!Number.isInteger(value) || value < options.min) {
    throw new InputError(
      `Invalid config ${key}: ${value} is not a whole number of milliseconds of at least ${options.min}`,
    );
  }
  return value;
}

export function readClusterAccessSettings(
  config: Config,
): ClusterAccessSettings {
  return {
    timeoutMs: readMilliseconds(config, 'scaling.clusterTimeoutMs', {
      defaultMs: DEFAULT_TIMEOUT_MS,
      min: 1,
    }),
    listCacheTtlMs: readMilliseconds(config, 'scaling.clusterListCacheTtlMs', {
      defaultMs: DEFAULT_LIST_CACHE_TTL_MS,
      min: 0,
    }),
  };
}
