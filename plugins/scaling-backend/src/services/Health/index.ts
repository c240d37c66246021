export type { EntityHealthService } from './types';
export { createEntityHealthService } from './createEntityHealthService';
export { readHealthSettings } from './healthSettings';
export type { HealthSettings } from './healthSettings';
export { metricsServiceLabel } from './metricsServiceLabel';
