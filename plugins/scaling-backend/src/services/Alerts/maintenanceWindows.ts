import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  ActiveAlert,
  MaintenanceWindow,
  ScalingEntityFacts,
  scalingMaintenanceWindowsUpdatePermission,
  validateMaintenanceWindow,
} from '@meschain/backstage-plugin-scaling-common';
import { EntityScalingFactsService } from '../EntityScalingFacts';
import { metricsServiceLabel } from '../Health';
import { ScalingWritePipeline } from '../ScalingWrites';
import {
  AlertmanagerAlert,
  AlertmanagerClient,
  AlertmanagerSilence,
} from './alertmanagerClient';
import { AlertInputError } from './errors';
import { checkServiceRegion } from './serviceRegion';
import { AlertsService } from './types';

/** The form of Alertmanager's silence ids. */
const SILENCE_ID =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toActiveAlert(alert: AlertmanagerAlert): ActiveAlert {
  const { labels, annotations } = alert;
  return {
    fingerprint: alert.fingerprint,
    alertname: labels.alertname,
    severity: labels.severity ?? 'warning',
    region: labels.region,
    ruleId: labels.rule_id,
    summary: annotations.summary,
    description: annotations.description,
    startsAt: alert.startsAt,
    state: alert.status.state,
    silencedBy: alert.status.silencedBy ?? [],
  };
}

function matcherValue(silence: AlertmanagerSilence, name: string) {
  return silence.matchers.find(
    matcher =>
      matcher.name === name && !matcher.isRegex && matcher.isEqual !== false,
  )?.value;
}

function toMaintenanceWindow(silence: AlertmanagerSilence): MaintenanceWindow {
  const region = matcherValue(silence, 'region');
  return {
    id: silence.id,
    startsAt: silence.startsAt,
    endsAt: silence.endsAt,
    comment: silence.comment,
    ...(region && { region }),
    createdBy: silence.createdBy,
    status: silence.status.state,
  };
}

/**
 * A service's side of Alertmanager: the alerts firing for it, and its
 * maintenance windows, which are silences of its alerts that its owners open
 * and expire through the write pipeline.
 */
export function createMaintenanceWindows(options: {
  alertmanager: AlertmanagerClient;
  pipeline: ScalingWritePipeline;
  entityFacts: EntityScalingFactsService;
  now: () => Date;
}): Pick<
  AlertsService,
  | 'listActiveAlerts'
  | 'listMaintenanceWindows'
  | 'createMaintenanceWindow'
  | 'expireMaintenanceWindow'
> {
  const { alertmanager, pipeline, entityFacts, now } = options;

  async function serviceSilence(
    facts: ScalingEntityFacts,
    silenceId: string,
  ): Promise<AlertmanagerSilence> {
    const unknown = () =>
      new NotFoundError(
        `${facts.entityRef} has no maintenance window ${silenceId}`,
      );
    // Alertmanager refuses an id that is not a UUID with a 422, which is no outage of its own.
    if (!SILENCE_ID.test(silenceId)) throw unknown();
    const silence = await alertmanager.getSilence(silenceId);
    if (matcherValue(silence, 'service') !== metricsServiceLabel(facts)) {
      throw unknown();
    }
    return silence;
  }

  return {
    async listActiveAlerts(entityRef, credentials) {
      const facts = await entityFacts.getFacts(entityRef, { credentials });
      const alerts = await alertmanager.listAlerts({
        service: metricsServiceLabel(facts),
      });
      return alerts.map(toActiveAlert);
    },

    async listMaintenanceWindows(entityRef, credentials) {
      const facts = await entityFacts.getFacts(entityRef, { credentials });
      const silences = await alertmanager.listSilences({
        service: metricsServiceLabel(facts),
      });
      return silences
        .map(toMaintenanceWindow)
        .sort((a, b) => b.startsAt.localeCompare(a.startsAt));
    },

    createMaintenanceWindow(entityRef, body, caller) {
      return pipeline.run(
        caller,
        {
          entityRef,
          action: 'maintenance-window.create',
          required: [scalingMaintenanceWindowsUpdatePermission],
          asked: { window: body },
        },
        async write => {
          const result = validateMaintenanceWindow(body, now());
          if (!result.valid) {
            throw new AlertInputError('maintenance window', result.problems);
          }
          const { window } = result;
          checkServiceRegion('maintenance window', window.region, write.facts);
          const service = metricsServiceLabel(write.facts);
          const createdBy = caller.credentials.principal.userEntityRef;
          return write.auditedChange(undefined, async () => {
            const id = await alertmanager.createSilence({
              matchers: [
                {
                  name: 'service',
                  value: service,
                  isRegex: false,
                  isEqual: true,
                },
                ...(window.region
                  ? [
                      {
                        name: 'region',
                        value: window.region,
                        isRegex: false,
                        isEqual: true,
                      },
                    ]
                  : []),
              ],
              startsAt: new Date(window.startsAt).toISOString(),
              endsAt: new Date(window.endsAt).toISOString(),
              createdBy,
              comment: window.comment,
            });
            const created = toMaintenanceWindow(
              await alertmanager.getSilence(id),
            );
            return { result: created, after: created };
          });
        },
      );
    },

    expireMaintenanceWindow(entityRef, silenceId, caller) {
      return pipeline.run(
        caller,
        {
          entityRef,
          action: 'maintenance-window.expire',
          required: [scalingMaintenanceWindowsUpdatePermission],
          asked: { silenceId },
        },
        async write => {
          const silence = await serviceSilence(write.facts, silenceId);
          if (silence.status.state === 'expired') {
            throw new ConflictError(
              `The maintenance window ${silenceId} of ${write.facts.entityRef} has already ended`,
            );
          }
          await write.auditedChange(toMaintenanceWindow(silence), async () => {
            await alertmanager.expireSilence(silenceId);
            return { result: undefined };
          });
        },
      );
    },
  };
}
