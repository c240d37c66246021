import { createApiRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  AlertRule,
  AlertRuleSpec,
  AlertSeverity,
  MaintenanceWindow,
  MaintenanceWindowRequest,
} from '@meschain/backstage-plugin-scaling-common';

// The active alerts' shape, until the generated client carries it.

/** @public An alert of the service that Alertmanager holds now. */
export interface ActiveAlert {
  fingerprint: string;
  alertname: string;
  severity: AlertSeverity | string;
  region?: string;
  /** The portal's rule that raised it; absent for the SLO's burn-rate alerts. */
  ruleId?: string;
  summary?: string;
  /** ISO 8601. */
  startsAt: string;
  state: 'active' | 'suppressed' | 'unprocessed';
  /** The silences (maintenance windows) that hold it back. */
  silencedBy: string[];
}

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
