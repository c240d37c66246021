export type { AlertsService, ConfiguredAlerts } from './types';
export { createConfiguredAlerts } from './createConfiguredAlerts';
export { AlertInputError } from './errors';
