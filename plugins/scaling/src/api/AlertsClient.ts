import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  ActiveAlert,
  AlertRule,
  AlertRuleSpec,
  MaintenanceWindow,
  MaintenanceWindowRequest,
  ScalingBackendClient,
} from '@meschain/backstage-plugin-scaling-common';
import { AlertsApi } from './AlertsApi';
import { entityPathParams, readBody } from './scalingBackend';

/** A write's empty answer (204); a non-ok answer throws a ResponseError. */
async function readNothing(response: Response): Promise<void> {
  if (!response.ok) {
    throw await ResponseError.fromResponse(response);
  }
}

/** @public Reads and changes a service's alerting with the signed-in user's identity. */
export class AlertsClient implements AlertsApi {
  private readonly backend: ScalingBackendClient;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.backend = new ScalingBackendClient(options);
  }

  async getAlertRules(
    entityRef: CompoundEntityRef,
  ): Promise<{ rules: AlertRule[] }> {
    return readBody(
      await this.backend.getAlertRules({ path: entityPathParams(entityRef) }),
    );
  }

  async createAlertRule(
    entityRef: CompoundEntityRef,
    rule: AlertRuleSpec,
  ): Promise<AlertRule> {
    return readBody(
      await this.backend.createAlertRule({
        path: entityPathParams(entityRef),
        body: rule,
      }),
    );
  }

  async updateAlertRule(
    entityRef: CompoundEntityRef,
    ruleId: string,
    rule: AlertRuleSpec,
  ): Promise<AlertRule> {
    return readBody(
      await this.backend.updateAlertRule({
        path: { ...entityPathParams(entityRef), ruleId },
        body: rule,
      }),
    );
  }

  async deleteAlertRule(
    entityRef: CompoundEntityRef,
    ruleId: string,
  ): Promise<void> {
    await readNothing(
      await this.backend.deleteAlertRule({
        path: { ...entityPathParams(entityRef), ruleId },
      }),
    );
  }

  async getActiveAlerts(
    entityRef: CompoundEntityRef,
  ): Promise<{ alerts: ActiveAlert[] }> {
    return readBody(
      await this.backend.getActiveAlerts({ path: entityPathParams(entityRef) }),
    );
  }

  async getMaintenanceWindows(
    entityRef: CompoundEntityRef,
  ): Promise<{ windows: MaintenanceWindow[] }> {
    return readBody(
      await this.backend.getMaintenanceWindows({
        path: entityPathParams(entityRef),
      }),
    );
  }

  async createMaintenanceWindow(
    entityRef: CompoundEntityRef,
    window: MaintenanceWindowRequest,
  ): Promise<MaintenanceWindow> {
    return readBody(
      await this.backend.createMaintenanceWindow({
        path: entityPathParams(entityRef),
        body: window,
      }),
    );
  }

  async expireMaintenanceWindow(
    entityRef: CompoundEntityRef,
    windowId: string,
  ): Promise<void> {
    await readNothing(
      await this.backend.expireMaintenanceWindow({
        path: { ...entityPathParams(entityRef), silenceId: windowId },
      }),
    );
  }
}
