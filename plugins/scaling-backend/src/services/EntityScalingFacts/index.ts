export type { EntityScalingFactsService } from './types';
export { createEntityScalingFactsService } from './createEntityScalingFactsService';
