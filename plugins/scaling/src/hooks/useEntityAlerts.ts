import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  AlertRuleSpec,
  MaintenanceWindowRequest,
  scalingAlertRulesUpdatePermission,
  scalingMaintenanceWindowsUpdatePermission,
} from '@meschain/backstage-plugin-scaling-common';
import { useMemo } from 'react';
import { alertsApiRef } from '../api';
import { useEntityRef } from './useEntityRef';
import { useLiveRead } from './useLiveRead';
import { toAccess } from './useScalingPermissions';
import { announceWrite } from './writeSignal';

/** How often the alerts read again: Alertmanager's group interval is a few seconds. */
export const ALERTS_REFRESH_INTERVAL_MS = 15_000;

/** The open entity's alert rules, read again after every write to it. */
export function useAlertRules() {
  const alertsApi = useApi(alertsApiRef);
  const entityRef = useEntityRef();
  return useLiveRead(
    () => alertsApi.getAlertRules(entityRef),
    [alertsApi, entityRef],
    { writes: entityRef },
  );
}

/** The alerts of the open entity that Alertmanager holds now. */
export function useActiveAlerts() {
  const alertsApi = useApi(alertsApiRef);
  const entityRef = useEntityRef();
  return useLiveRead(
    () => alertsApi.getActiveAlerts(entityRef),
    [alertsApi, entityRef],
    { writes: entityRef, intervalMs: ALERTS_REFRESH_INTERVAL_MS },
  );
}

/** The open entity's maintenance windows, read again after every write to it. */
export function useMaintenanceWindows() {
  const alertsApi = useApi(alertsApiRef);
  const entityRef = useEntityRef();
  return useLiveRead(
    () => alertsApi.getMaintenanceWindows(entityRef),
    [alertsApi, entityRef],
    { writes: entityRef },
  );
}

/** Whether the signed-in user may change the open entity's alert rules and maintenance windows. */
export function useAlertsPermissions() {
  const { entity } = useEntity();
  const resourceRef = stringifyEntityRef(entity);
  const rules = usePermission({
    permission: scalingAlertRulesUpdatePermission,
    resourceRef,
  });
  const windows = usePermission({
    permission: scalingMaintenanceWindowsUpdatePermission,
    resourceRef,
  });
  // usePermission answers with a new object on every render: depend on its fields.
  const { allowed: mayEditRules, loading: rulesLoading } = rules;
  const { allowed: mayEditWindows, loading: windowsLoading } = windows;
  return useMemo(
    () => ({
      rules: toAccess(
        { allowed: mayEditRules, loading: rulesLoading },
        'Only the owners of this service may change its alert rules (scaling.alerts.rules.update).',
      ),
      maintenanceWindows: toAccess(
        { allowed: mayEditWindows, loading: windowsLoading },
        'Only the owners of this service may open or expire its maintenance windows (scaling.maintenance-windows.update).',
      ),
    }),
    [mayEditRules, rulesLoading, mayEditWindows, windowsLoading],
  );
}

/**
 * The alerting writes, bound to the open entity. Once a write is answered,
 * the entity's views read again.
 */
export function useAlertsActions() {
  const alertsApi = useApi(alertsApiRef);
  const entityRef = useEntityRef();
  return useMemo(() => {
    const announced = <T>(write: Promise<T>): Promise<T> =>
      write.finally(() => announceWrite(stringifyEntityRef(entityRef)));
    return {
      createAlertRule: (rule: AlertRuleSpec) =>
        announced(alertsApi.createAlertRule(entityRef, rule)),
      updateAlertRule: (ruleId: string, rule: AlertRuleSpec) =>
        announced(alertsApi.updateAlertRule(entityRef, ruleId, rule)),
      deleteAlertRule: (ruleId: string) =>
        announced(alertsApi.deleteAlertRule(entityRef, ruleId)),
      createMaintenanceWindow: (window: MaintenanceWindowRequest) =>
        announced(alertsApi.createMaintenanceWindow(entityRef, window)),
      expireMaintenanceWindow: (windowId: string) =>
        announced(alertsApi.expireMaintenanceWindow(entityRef, windowId)),
    };
  }, [alertsApi, entityRef]);
}
