export type { RegionsService } from './types';
export { createRegionsService } from './createRegionsService';
export { readRegionsConfig } from './readRegionsConfig';
export type { RegionsConfig } from './readRegionsConfig';
export { configRegionCatalog } from './configRegionCatalog';
export { readDrScaleUpLimitMinutes } from './drSettings';
