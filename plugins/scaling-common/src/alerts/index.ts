/**
 * Alert rules an owner manages for a service: their model and validation, and
 * their rendering, with the service's SLO burn-rate alerts, to a Prometheus
 * rule file.
 */
export * from './types';
export { ALERT_RULE_KINDS } from './alertRuleSchema';
export { validateAlertRule } from './validateAlertRule';
export type { AlertRuleValidationResult } from './validateAlertRule';
export {
  alertRuleFileYaml,
  renderAlertRuleFile,
  SLO_BURN_ALERT_NAME,
} from './renderAlertRules';
export type {
  AlertedService,
  PrometheusAlertingRule,
  PrometheusRuleFile,
  RenderAlertRulesOptions,
} from './renderAlertRules';
export {
  MAX_MAINTENANCE_WINDOW_DAYS,
  validateMaintenanceWindow,
} from './maintenanceWindow';
export type {
  MaintenanceWindowRequest,
  MaintenanceWindowValidationResult,
} from './maintenanceWindow';
