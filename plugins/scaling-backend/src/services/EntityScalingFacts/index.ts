export type { EntityScalingFactsService } from './types';
export { createEntityScalingFactsService } from './createEntityScalingFactsService';
export { createCallerScopedCache } from './callerScopedCache';
export { readCatalogCacheTtlMs } from './catalogCacheSettings';
