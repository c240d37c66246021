import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  ActiveAlert,
  AlertRule,
  MaintenanceWindow,
} from '@meschain/backstage-plugin-scaling-common';
import { WriteCaller } from '../ScalingWrites';
import type { AlertNotifier } from './alertNotifications';

/** The alert rules, active alerts and maintenance windows of services, managed by their owners. */
export interface AlertsService {
  /**
   * Renders the rule file of every service of the catalog, so that each has
   * its SLO's burn-rate alerts before any rule is written, and a rule
   * directory that was lost is written again. Files that are already as
   * rendered are left alone.
   */
  syncRuleFiles(credentials: BackstageCredentials): Promise<void>;

  listRules(
    entityRef: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<AlertRule[]>;

  /**
   * Validates the rule, renders every rule of the entity to its rule file and
   * has Prometheus load it; only then is the rule stored.
   *
   * @throws AlertInputError naming each field with a problem; nothing is written
   */
  createRule(
    entityRef: CompoundEntityRef,
    body: unknown,
    caller: WriteCaller,
  ): Promise<AlertRule>;

  updateRule(
    entityRef: CompoundEntityRef,
    ruleId: string,
    body: unknown,
    caller: WriteCaller,
  ): Promise<AlertRule>;

  deleteRule(
    entityRef: CompoundEntityRef,
    ruleId: string,
    caller: WriteCaller,
  ): Promise<void>;

  /** The service's alerts in Alertmanager, silenced ones included. */
  listActiveAlerts(
    entityRef: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<ActiveAlert[]>;

  listMaintenanceWindows(
    entityRef: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<MaintenanceWindow[]>;

  /** Silences the service's alerts (in one region, if given) from start to end. */
  createMaintenanceWindow(
    entityRef: CompoundEntityRef,
    body: unknown,
    caller: WriteCaller,
  ): Promise<MaintenanceWindow>;

  expireMaintenanceWindow(
    entityRef: CompoundEntityRef,
    silenceId: string,
    caller: WriteCaller,
  ): Promise<void>;
}

/** The alerts, when `scaling.alerts` configures Prometheus, Alertmanager and the rule directory. */
export interface ConfiguredAlerts {
  service: AlertsService;
  notifier: AlertNotifier;
  /** The subject of the static token Alertmanager calls the webhook with. */
  webhookSubject: string;
}
