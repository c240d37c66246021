import { Config } from '@backstage/config';
import { readMilliseconds } from '../Clusters';

/** Short, so that a change in the catalog or of what a caller may see shows within seconds. */
const DEFAULT_CATALOG_CACHE_TTL_MS = 5_000;

/** How long reads reuse a caller's catalog answers (`scaling.catalogCacheTtlMs`); 0 turns it off. */
export function readCatalogCacheTtlMs(config: Config): number {
  return readMilliseconds(config, 'scaling.catalogCacheTtlMs', {
    defaultMs: DEFAULT_CATALOG_CACHE_TTL_MS,
    min: 0,
  });
}
