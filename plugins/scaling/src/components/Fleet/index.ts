export { FleetPage } from './FleetPage';
export { FleetHealthStatus } from './FleetHealthStatus';
export { ServiceEntityProvider } from './ServiceEntityProvider';
export { summarizeService, worstHealth } from './summarizeService';
export type { ServiceSummary } from './summarizeService';
export { FLEET_CURRENCY, formatCellCost, serviceName } from './fleetFormat';
