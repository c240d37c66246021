import { createApiRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  ActiveAlert,
  AlertRule,
  AlertRuleSpec,
  MaintenanceWindow,
  MaintenanceWindowRequest,
} from '@meschain/backstage-plugin-scaling-common';

/**
 * @public
 * A service's alert rules, its alerts firing now and its maintenance
 * windows. Writes are for the service's owners; a bad rule or window is
 * refused with a 400 whose `problems` name its fields.
 */
export interface AlertsApi {
  getAlertRules(entityRef: CompoundEntityRef): Promise<{ rules: AlertRule[] }>;
  createAlertRule(
    entityRef: CompoundEntityRef,
    rule: AlertRuleSpec,
  ): Promise<AlertRule>;
  updateAlertRule(
    entityRef: CompoundEntityRef,
    ruleId: string,
    rule: AlertRuleSpec,
  ): Promise<AlertRule>;
  deleteAlertRule(entityRef: CompoundEntityRef, ruleId: string): Promise<void>;
  getActiveAlerts(
    entityRef: CompoundEntityRef,
  ): Promise<{ alerts: ActiveAlert[] }>;
  getMaintenanceWindows(
    entityRef: CompoundEntityRef,
  ): Promise<{ windows: MaintenanceWindow[] }>;
  createMaintenanceWindow(
    entityRef: CompoundEntityRef,
    window: MaintenanceWindowRequest,
  ): Promise<MaintenanceWindow>;
  /** Ends the window now: Alertmanager expires its silence. */
  expireMaintenanceWindow(
    entityRef: CompoundEntityRef,
    windowId: string,
  ): Promise<void>;
}

/** @public */
export const alertsApiRef = createApiRef<AlertsApi>({
  id: 'plugin.scaling.alerts',
});
