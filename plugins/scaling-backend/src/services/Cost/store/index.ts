export type * from './types';
export { DatabaseCostStore } from './DatabaseCostStore';
export { DatabaseCostUsageStore } from './DatabaseCostUsageStore';
export { DatabaseCostRecommendationStore } from './DatabaseCostRecommendationStore';
