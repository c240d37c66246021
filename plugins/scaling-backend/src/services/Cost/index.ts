export type { CostStore } from './store';
export { DatabaseCostStore } from './store';
export type { CostIngestion } from './createCostIngestion';
export { createCostIngestion } from './createCostIngestion';
export type { CostReports } from './createCostReports';
export { createCostReports } from './createCostReports';
export type { CostRecommendationRefresh } from './refreshCostRecommendations';
export type { CostBackfill } from './createCostBackfill';
export { createCostBackfill } from './createCostBackfill';
export {
  createOpenCostSource,
  readOpenCostClusters,
} from './createOpenCostSource';
export { loadCostEntityMapping } from './costEntityMapping';
export { readCostSettings, readCostIngestionSchedule } from './costSettings';
export { readCostWindow } from './costQuery';
export { createCostServices } from './createCostServices';
