import { Config } from '@backstage/config';
import { readMilliseconds } from '../Clusters';

/** A cluster's answer is reused this long by default: short, so that a change made elsewhere shows within seconds. */
const DEFAULT_STATE_CACHE_TTL_MS = 3_000;

/** How long a cluster's answer for one workload query is reused (`scaling.stateCacheTtlMs`); 0 turns the cache off. */
export function readStateCacheTtlMs(config: Config): number {
  return readMilliseconds(config, 'scaling.stateCacheTtlMs', {
    defaultMs: DEFAULT_STATE_CACHE_TTL_MS,
    min: 0,
  });
}
