import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import scalingPlugin from '@meschain/backstage-plugin-scaling-backend';
import type { Sandbox } from '@meschain/kube-sandbox';
import type { AddressInfo } from 'node:net';

const NAMESPACE = 'meschain-sync';

/** The team that owns the faulted service, and the member whose notifications are read. */
export const OWNER = 'group:default/commerce-team';
export const OWNER_MEMBER = 'user:default/alice';
/** What Alertmanager authenticates to the webhook as (the static external-access token's subject). */
export const WEBHOOK_TOKEN = `mock-service-token:${JSON.stringify({
  sub: 'alertmanager',
})}`;

function entities(services: string[], region: string): Entity[] {
  return [
    ...services.map(service => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: service,
        namespace: 'default',
        annotations: {
          'backstage.io/kubernetes-id': service,
          'backstage.io/kubernetes-namespace': NAMESPACE,
          'meschain.io/regions': region,
        },
      },
      spec: { type: 'service', owner: OWNER, lifecycle: 'production' },
      relations: [{ type: 'ownedBy', targetRef: OWNER }],
    })),
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'commerce-team', namespace: 'default' },
      spec: { type: 'team', children: [] },
      relations: [{ type: 'hasMember', targetRef: OWNER_MEMBER }],
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: 'alice', namespace: 'default' },
      spec: { memberOf: [OWNER] },
      relations: [{ type: 'memberOf', targetRef: OWNER }],
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: `meschain-${region}`,
        namespace: 'default',
        annotations: { 'meschain.io/region': region },
      },
      spec: { type: 'kubernetes-cluster', owner: 'platform-team' },
    },
  ];
}

/**
 * The scaling backend with the notifications backend over one sandbox cluster, reading the given
 * Prometheus and Alertmanager and writing rules where that Prometheus loads them. Permissions are
 * the mock's (allow); Alertmanager authenticates with a mock service token for `alertmanager`.
 */
export async function startMttdBackend(options: {
  sandbox: Sandbox;
  region: string;
  services: string[];
  prometheusUrl: string;
  alertmanagerUrl: string;
  ruleDirectory: string;
}) {
  const { sandbox, region, services } = options;
  const backend = await startTestBackend({
    features: [
      scalingPlugin,
      notificationsPlugin,
      mockServices.database.factory(),
      catalogServiceMock.factory({ entities: entities(services, region) }),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          kubernetes: {
            clusterLocatorMethods: [
              {
                type: 'config',
                clusters: [
                  {
                    name: `meschain-${region}`,
                    url: sandbox.clusterUrl(region, 'http'),
                    authProvider: 'serviceAccount',
                    serviceAccountToken: sandbox.cluster(region).token,
                  },
                ],
              },
            ],
          },
          scaling: {
            metrics: { prometheus: { url: options.prometheusUrl } },
            alerts: {
              ruleDirectory: options.ruleDirectory,
              alertmanager: { url: options.alertmanagerUrl },
            },
          },
        },
      }),
    ],
  });
  const { port } = backend.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}/api`;
  const owner = { authorization: mockCredentials.user.header(OWNER_MEMBER) };
  const rulesUrl = (service: string) =>
    `${baseUrl}/scaling/entities/component/default/${service}/alerts/rules`;

  async function call<T>(url: string, init: RequestInit = {}): Promise<T> {
    const response = await fetch(url, {
      ...init,
      headers: {
        ...owner,
        'content-type': 'application/json',
        ...(init.headers as Record<string, string>),
      },
    });
    const text = await response.text();
    if (!response.ok)
      throw new Error(
        `${init.method ?? 'GET'} ${url}: ${response.status} ${text}`,
      );
    return (text ? JSON.parse(text) : undefined) as T;
  }

  return {
    webhookUrl: `${baseUrl}/scaling/alerts/webhook`,
    /** Creates an alert rule as the service's owner would in the Health tab; returns its id. */
    async createRule(service: string, rule: object): Promise<string> {
      const created = await call<{ id: string }>(rulesUrl(service), {
        method: 'POST',
        body: JSON.stringify(rule),
      });
      return created.id;
    },
    async deleteRule(service: string, id: string): Promise<void> {
      await call(`${rulesUrl(service)}/${encodeURIComponent(id)}`, {
        method: 'DELETE',
      });
    },
    /** The owner's notifications, newest first. */
    async notifications(): Promise<
      { id: string; created: string; payload: { title: string } }[]
    > {
      const { notifications } = await call<{
        notifications: {
          id: string;
          created: string;
          payload: { title: string };
        }[];
      }>(`${baseUrl}/notifications/notifications?limit=50`);
      return notifications;
    },
    stop: () => backend.stop(),
  };
}
