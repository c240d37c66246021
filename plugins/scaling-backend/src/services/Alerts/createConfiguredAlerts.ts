import {
  AuthService,
  DatabaseService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { ServiceSlo } from '@meschain/backstage-plugin-scaling-common';
import { EntityScalingFactsService } from '../EntityScalingFacts';
import { ScalingWritePipeline } from '../ScalingWrites';
import { createAlertmanagerClient } from './alertmanagerClient';
import { createAlertNotifier } from './alertNotifications';
import { readAlertsSettings } from './alertsSettings';
import { createAlertsService } from './createAlertsService';
import { DatabaseAlertRuleStore } from './DatabaseAlertRuleStore';
import { createPrometheusRuleFiles } from './prometheusRuleFiles';
import { ConfiguredAlerts } from './types';

/** The alerts as `scaling.alerts` configures them, or undefined when it is absent and alerting is off. */
export async function createConfiguredAlerts(options: {
  config: Config;
  database: DatabaseService;
  logger: LoggerService;
  auth: AuthService;
  scheduler: SchedulerService;
  catalog: CatalogService;
  notifications: NotificationService;
  pipeline: ScalingWritePipeline;
  entityFacts: EntityScalingFactsService;
  sloDefaults: Partial<ServiceSlo>;
}): Promise<ConfiguredAlerts | undefined> {
  const { config, database, logger, auth, scheduler, catalog, notifications } =
    options;
  const settings = readAlertsSettings(config);
  if (!settings) {
    return undefined;
  }
  const portalBaseUrl = config.getString('app.baseUrl');
  const service = createAlertsService({
    store: await DatabaseAlertRuleStore.create({ database }),
    ruleFiles: createPrometheusRuleFiles({ settings, logger }),
    alertmanager: createAlertmanagerClient(settings),
    pipeline: options.pipeline,
    entityFacts: options.entityFacts,
    catalog,
    sloDefaults: options.sloDefaults,
    portalBaseUrl,
    logger,
  });
  await scheduler.scheduleTask({
    id: 'scaling-alert-rule-files',
    frequency: { minutes: 30 },
    timeout: { minutes: 10 },
    // After the catalog has started, and whatever Prometheus' rule directory held.
    initialDelay: { seconds: 30 },
    fn: async () =>
      service.syncRuleFiles(await auth.getOwnServiceCredentials()),
  });
  return {
    service,
    notifier: createAlertNotifier({
      notifications,
      catalog,
      auth,
      portalBaseUrl,
      logger,
    }),
    webhookSubject: settings.webhookSubject,
  };
}
