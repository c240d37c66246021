export { ActiveAlertsCard } from './ActiveAlertsCard';
export { AlertRulesCard } from './AlertRulesCard';
export { MaintenanceWindowsCard } from './MaintenanceWindowsCard';
