import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  AlertRule,
  AlertRuleSpec,
  MaintenanceWindow,
  MaintenanceWindowRequest,
} from '@meschain/backstage-plugin-scaling-common';
import { ActiveAlert, AlertsApi } from './AlertsApi';
import { entityPathParams, readBody } from './scalingBackend';

/** @public Reads and changes a service's alerting with the signed-in user's identity. */
export class AlertsClient implements AlertsApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getAlertRules(
    entityRef: CompoundEntityRef,
  ): Promise<{ rules: AlertRule[] }> {
    return readBody(await this.send(entityRef, 'GET', '/alerts/rules'));
  }

  async createAlertRule(
    entityRef: CompoundEntityRef,
    rule: AlertRuleSpec,
  ): Promise<AlertRule> {
    return readBody(await this.send(entityRef, 'POST', '/alerts/rules', rule));
  }

  async updateAlertRule(
    entityRef: CompoundEntityRef,
    ruleId: string,
    rule: AlertRuleSpec,
  ): Promise<AlertRule> {
    return readBody(
      await this.send(
        entityRef,
        'PUT',
        `/alerts/rules/${encodeURIComponent(ruleId)}`,
        rule,
      ),
    );
  }

  async deleteAlertRule(
    entityRef: CompoundEntityRef,
    ruleId: string,
  ): Promise<void> {
    await readNothing(
      await this.send(
        entityRef,
        'DELETE',
        `/alerts/rules/${encodeURIComponent(ruleId)}`,
      ),
    );
  }

  async getActiveAlerts(
    entityRef: CompoundEntityRef,
  ): Promise<{ alerts: ActiveAlert[] }> {
    return readBody(await this.send(entityRef, 'GET', '/alerts'));
  }

  async getMaintenanceWindows(
    entityRef: CompoundEntityRef,
  ): Promise<{ windows: MaintenanceWindow[] }> {
    return readBody(await this.send(entityRef, 'GET', '/maintenance-windows'));
  }

  async createMaintenanceWindow(
    entityRef: CompoundEntityRef,
    window: MaintenanceWindowRequest,
  ): Promise<MaintenanceWindow> {
    return readBody(
      await this.send(entityRef, 'POST', '/maintenance-windows', window),
    );
  }

  async expireMaintenanceWindow(
    entityRef: CompoundEntityRef,
    windowId: string,
  ): Promise<void> {
    await readNothing(
      await this.send(
        entityRef,
        'DELETE',
        `/maintenance-windows/${encodeURIComponent(windowId)}`,
      ),
    );
  }

  private async send(
    entityRef: CompoundEntityRef,
    method: string,
    suffix: string,
    body?: unknown,
  ): Promise<Response> {
    const { kind, namespace, name } = entityPathParams(entityRef);
    const base = await this.discoveryApi.getBaseUrl('scaling');
    const path = [kind, namespace, name].map(encodeURIComponent).join('/');
    return this.fetchApi.fetch(`${base}/entities/${path}${suffix}`, {
      method,
      headers:
        body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }
}

async function readNothing(response: Response): Promise<void> {
  if (!response.ok) {
    throw await ResponseError.fromResponse(response);
  }
}
