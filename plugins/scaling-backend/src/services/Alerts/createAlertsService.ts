import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AlertedService,
  alertRuleFileYaml,
  AlertRule,
  AlertRuleSpec,
  DEFAULT_SLO,
  renderAlertRuleFile,
  scalingAlertRulesUpdatePermission,
  ScalingEntityFacts,
  serviceSlo,
  ServiceSlo,
  validateAlertRule,
} from '@meschain/backstage-plugin-scaling-common';
import { randomUUID } from 'crypto';
import { EntityScalingFactsService } from '../EntityScalingFacts';
import {
  AuthorizedWrite,
  ScalingWritePipeline,
  WriteCaller,
} from '../ScalingWrites';
import { AlertmanagerClient } from './alertmanagerClient';
import { AlertRuleStore } from './DatabaseAlertRuleStore';
import { AlertInputError } from './errors';
import { PrometheusRuleFiles } from './prometheusRuleFiles';
import { createMaintenanceWindows } from './maintenanceWindows';
import { checkServiceRegion } from './serviceRegion';
import { AlertsService } from './types';
import { metricsServiceLabel } from '../Health';

const KUBERNETES_ID_ANNOTATION = 'backstage.io/kubernetes-id';

/** The rule file of an entity, e.g. `component-default-checkout.yml`. */
function ruleFileName(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `${[kind, namespace, name]
    .join('-')
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9._-]/g, '-')}.yml`;
}

/** The entity's Health tab in the portal, which every alert links to. */
export function healthPageUrl(portalBaseUrl: string, entityRef: string) {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `${portalBaseUrl}/catalog/${encodeURIComponent(
    namespace,
  )}/${encodeURIComponent(
    kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(name)}/health`;
}

export function createAlertsService(options: {
  store: AlertRuleStore;
  ruleFiles: PrometheusRuleFiles;
  alertmanager: AlertmanagerClient;
  pipeline: ScalingWritePipeline;
  entityFacts: EntityScalingFactsService;
  catalog: CatalogService;
  /** Objectives of services that declare none by annotation. */
  sloDefaults: Partial<ServiceSlo>;
  /** The portal's `app.baseUrl`, for the links in alerts. */
  portalBaseUrl: string;
  logger: LoggerService;
  now?: () => Date;
}): AlertsService {
  const {
    store,
    ruleFiles,
    alertmanager,
    pipeline,
    entityFacts,
    catalog,
    sloDefaults,
    portalBaseUrl,
    logger,
    now = () => new Date(),
  } = options;

  /** Each entity's rule changes one at a time, so that none renders a list another is changing. */
  const pending = new Map<string, Promise<unknown>>();
  function oneAtATime<T>(entityRef: string, change: () => Promise<T>) {
    const next = (pending.get(entityRef) ?? Promise.resolve())
      .catch(() => undefined)
      .then(change);
    pending.set(entityRef, next);
    return next.finally(() => {
      if (pending.get(entityRef) === next) {
        pending.delete(entityRef);
      }
    });
  }

  function alertedService(facts: ScalingEntityFacts): AlertedService {
    return {
      entityRef: facts.entityRef,
      service: metricsServiceLabel(facts),
      owner: facts.owner ?? '',
      namespace: facts.workload.namespace,
    };
  }

  async function sloOf(
    facts: ScalingEntityFacts,
    credentials: BackstageCredentials,
  ) {
    const entity: Entity | undefined = await catalog.getEntityByRef(
      facts.entityRef,
      { credentials },
    );
    try {
      return entity ? serviceSlo(entity, sloDefaults) : undefined;
    } catch (error) {
      logger.warn(
        `Rendering the alert rules of ${facts.entityRef} with the default SLO: ${error}`,
      );
      return { ...DEFAULT_SLO, ...sloDefaults };
    }
  }

  /** Renders the entity's rules, with its SLO's burn-rate alerts, and has Prometheus load them. */
  async function load(
    facts: ScalingEntityFacts,
    credentials: BackstageCredentials,
    rules: AlertRule[],
  ) {
    const service = alertedService(facts);
    const file = renderAlertRuleFile(service, rules, {
      portalUrl: healthPageUrl(portalBaseUrl, service.entityRef),
      slo: await sloOf(facts, credentials),
    });
    await ruleFiles.replace(
      ruleFileName(service.entityRef),
      alertRuleFileYaml(file),
      file.groups.flatMap(group =>
        group.rules.map(rule => rule.labels.rule_id),
      ),
    );
  }

  /** Loads the entity's rules as they will be, then runs `save`, both as one audited change. */
  function publish<T>(
    write: AuthorizedWrite,
    caller: WriteCaller,
    change: {
      rules: AlertRule[];
      before?: AlertRule;
      after?: AlertRule;
      save: () => Promise<T>;
    },
  ): Promise<T> {
    return write.auditedChange(change.before, async () => {
      await load(write.facts, caller.credentials, change.rules);
      return { result: await change.save(), after: change.after };
    });
  }

  function validRule(body: unknown, facts: ScalingEntityFacts): AlertRuleSpec {
    const result = validateAlertRule(body);
    if (!result.valid) {
      throw new AlertInputError('alert rule', result.problems);
    }
    checkServiceRegion('alert rule', result.rule.region, facts);
    return result.rule;
  }

  function existing(rules: AlertRule[], ruleId: string, entityRef: string) {
    const rule = rules.find(candidate => candidate.id === ruleId);
    if (!rule) {
      throw new NotFoundError(`${entityRef} has no alert rule ${ruleId}`);
    }
    return rule;
  }

  function stamped(
    spec: AlertRuleSpec,
    id: string,
    entityRef: string,
    caller: WriteCaller,
  ): AlertRule {
    return {
      ...spec,
      id,
      entityRef,
      updatedBy: caller.credentials.principal.userEntityRef,
      updatedAt: now().toISOString(),
    };
  }

  const maintenanceWindows = createMaintenanceWindows({
    alertmanager,
    pipeline,
    entityFacts,
    now,
  });

  return {
    async syncRuleFiles(credentials) {
      const { items } = await catalog.getEntities(
        {
          filter: { kind: 'Component' },
          fields: [
            'kind',
            'metadata.name',
            'metadata.namespace',
            'metadata.annotations',
          ],
        },
        { credentials },
      );
      const services = items.filter(
        entity => entity.metadata.annotations?.[KUBERNETES_ID_ANNOTATION],
      );
      for (const entity of services) {
        const entityRef = stringifyEntityRef(entity);
        try {
          await oneAtATime(entityRef, async () => {
            const facts = await entityFacts.getFacts(
              parseEntityRef(entityRef),
              {
                credentials,
              },
            );
            await load(facts, credentials, await store.list(entityRef));
          });
        } catch (error) {
          // One service's failure must not keep the others' alerts from loading.
          logger.warn(
            `Could not load the alert rules of ${entityRef}: ${error}`,
          );
        }
      }
    },

    async listRules(entityRef, credentials) {
      const facts = await entityFacts.getFacts(entityRef, { credentials });
      return store.list(facts.entityRef);
    },

    createRule(entityRef, body, caller) {
      return pipeline.run(
        caller,
        {
          entityRef,
          action: 'alert-rule.create',
          required: [scalingAlertRulesUpdatePermission],
          asked: { rule: body },
        },
        async write => {
          const spec = validRule(body, write.facts);
          const ref = write.facts.entityRef;
          return oneAtATime(ref, async () => {
            const rule = stamped(spec, randomUUID(), ref, caller);
            return publish(write, caller, {
              rules: [...(await store.list(ref)), rule],
              after: rule,
              save: async () => {
                await store.save(rule);
                return rule;
              },
            });
          });
        },
      );
    },

    updateRule(entityRef, ruleId, body, caller) {
      return pipeline.run(
        caller,
        {
          entityRef,
          action: 'alert-rule.update',
          required: [scalingAlertRulesUpdatePermission],
          asked: { ruleId, rule: body },
        },
        async write => {
          const spec = validRule(body, write.facts);
          const ref = write.facts.entityRef;
          return oneAtATime(ref, async () => {
            const rules = await store.list(ref);
            const before = existing(rules, ruleId, ref);
            const rule = stamped(spec, ruleId, ref, caller);
            return publish(write, caller, {
              rules: rules.map(candidate =>
                candidate.id === ruleId ? rule : candidate,
              ),
              before,
              after: rule,
              save: async () => {
                await store.save(rule);
                return rule;
              },
            });
          });
        },
      );
    },

    deleteRule(entityRef, ruleId, caller) {
      return pipeline.run(
        caller,
        {
          entityRef,
          action: 'alert-rule.delete',
          required: [scalingAlertRulesUpdatePermission],
          asked: { ruleId },
        },
        async write => {
          const ref = write.facts.entityRef;
          return oneAtATime(ref, async () => {
            const rules = await store.list(ref);
            const before = existing(rules, ruleId, ref);
            return publish(write, caller, {
              rules: rules.filter(candidate => candidate.id !== ruleId),
              before,
              save: () => store.delete(ref, ruleId),
            });
          });
        },
      );
    },

    ...maintenanceWindows,
  };
}
