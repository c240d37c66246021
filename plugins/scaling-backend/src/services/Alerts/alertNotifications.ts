import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { ServiceUnavailableError, toError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationSeverity } from '@backstage/plugin-notifications-common';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  AlertmanagerWebhook,
  AlertmanagerWebhookAlertsInner,
} from '../../schema/openapi/generated/models';
import { healthPageUrl } from './createAlertsService';

/** Turns Alertmanager's notifications into Backstage notifications to the owners of the services alerted on. */
export interface AlertNotifier {
  /** Returns how many alerts became a notification; alerts of no known service are skipped. */
  notify(payload: AlertmanagerWebhook): Promise<{ notified: number }>;
}

const FIRING_SEVERITIES: Record<string, NotificationSeverity> = {
  critical: 'critical',
  warning: 'high',
  info: 'normal',
};

function ownerOf(entity: Entity): string | undefined {
  return entity.relations?.find(relation => relation.type === RELATION_OWNED_BY)
    ?.targetRef;
}

export function createAlertNotifier(options: {
  notifications: NotificationService;
  catalog: CatalogService;
  auth: AuthService;
  portalBaseUrl: string;
  logger: LoggerService;
}): AlertNotifier {
  const { notifications, catalog, auth, portalBaseUrl, logger } = options;

  /** The alert's entity and owner: from its labels, which the suite's rules set, else from the catalog by its `service` label. */
  async function recipientOf(
    labels: Record<string, string>,
  ): Promise<{ entityRef: string; owner: string } | undefined> {
    if (labels.entity_ref && labels.owner) {
      return { entityRef: labels.entity_ref, owner: labels.owner };
    }
    const credentials = await auth.getOwnServiceCredentials();
    let entity: Entity | undefined;
    if (labels.entity_ref) {
      entity = await catalog.getEntityByRef(labels.entity_ref, { credentials });
    } else if (labels.service) {
      const { items } = await catalog.getEntities(
        {
          filter: {
            'metadata.annotations.backstage.io/kubernetes-id': labels.service,
          },
        },
        { credentials },
      );
      entity = items[0];
    }
    const owner = entity && ownerOf(entity);
    return entity && owner
      ? { entityRef: stringifyEntityRef(entity), owner }
      : undefined;
  }

  async function notifyOne(
    alert: AlertmanagerWebhookAlertsInner,
  ): Promise<boolean> {
    const { labels, annotations } = alert;
    const recipient = await recipientOf(labels);
    if (!recipient) {
      logger.warn(
        'An alert names no service of the catalog; no one is notified',
        {
          alertname: labels.alertname,
          fingerprint: alert.fingerprint,
        },
      );
      return false;
    }
    const firing = alert.status === 'firing';
    const where = labels.region ? ` in ${labels.region}` : '';
    await notifications.send({
      recipients: { type: 'entity', entityRef: recipient.owner },
      payload: {
        title: `${firing ? 'Firing' : 'Resolved'}: ${labels.alertname} on ${
          recipient.entityRef
        }${where}`,
        description: [annotations.summary, annotations.description]
          .filter(Boolean)
          .join('. '),
        link: healthPageUrl(portalBaseUrl, recipient.entityRef),
        severity: firing
          ? FIRING_SEVERITIES[labels.severity] ?? 'normal'
          : 'low',
        // One notification per alert, updated as it fires again and resolves.
        topic: `Alerts of ${recipient.entityRef}`,
        scope: `alert:${alert.fingerprint}`,
        metadata: {
          alertname: labels.alertname,
          status: alert.status,
          ...(labels.rule_id && { ruleId: labels.rule_id }),
          startsAt: alert.startsAt,
        },
      },
    });
    return true;
  }

  return {
    async notify(payload) {
      let notified = 0;
      let failed = 0;
      for (const alert of payload.alerts) {
        try {
          if (await notifyOne(alert)) {
            notified += 1;
          }
        } catch (error) {
          // One alert's failure must not lose the others of the group.
          failed += 1;
          logger.error('Could not notify the owners of an alert', {
            alertname: alert.labels.alertname,
            fingerprint: alert.fingerprint,
            error: toError(error).message,
          });
        }
      }
      if (failed > 0) {
        // Alertmanager sends the group again; the scope keeps one notification per alert.
        throw new ServiceUnavailableError(
          `Could not notify the owners of ${failed} of ${payload.alerts.length} alerts`,
        );
      }
      return { notified };
    },
  };
}
