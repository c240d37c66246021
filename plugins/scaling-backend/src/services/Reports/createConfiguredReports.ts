import {
  AuthService,
  DatabaseService,
  LoggerService,
  PermissionsService,
  SchedulerService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { MetricsSource } from '@meschain/backstage-plugin-scaling-node';
import { DatabaseScalingAuditStore } from '../../database';
import { CostReports } from '../Cost';
import { RegionsService } from '../Regions';
import { RolloutService } from '../Rollouts';
import { ScalingHistoryService } from '../ScalingHistory';
import { EntityScalingStateService } from '../ScalingState';
import { createReportsService, ReportsService } from './createReportsService';
import { DatabaseReportStore } from './DatabaseReportStore';
import { createReportAccess } from './reportAccess';
import {
  createWeeklyReportsTask,
  scheduleWeeklyReports,
} from './weeklyReports';

/**
 * The reports service, its store, and the weekly task that makes each
 * team's reports. The scheduler runs the task under one id on every replica,
 * and its database lock lets only one of them run each occurrence.
 */
export async function createConfiguredReports(options: {
  config: Config;
  database: DatabaseService;
  scheduler: SchedulerService;
  auth: AuthService;
  permissions: PermissionsService;
  userInfo: UserInfoService;
  catalog: CatalogService;
  notifications: NotificationService;
  logger: LoggerService;
  auditStore: Pick<DatabaseScalingAuditStore, 'listInPeriod'>;
  regions: Pick<RegionsService, 'getOverview'>;
  rollouts: Pick<RolloutService, 'getRolloutState'>;
  cost: CostReports;
  metrics: MetricsSource;
  scalingState?: Pick<EntityScalingStateService, 'getScalingState'>;
  scalingHistory?: Pick<ScalingHistoryService, 'getHistory'>;
}): Promise<ReportsService> {
  const { config, scheduler, catalog, auth, logger } = options;
  const reports = createReportsService({
    store: await DatabaseReportStore.create({ database: options.database }),
    access: createReportAccess(options),
    auditStore: options.auditStore,
    catalog,
    auth,
    regions: options.regions,
    rollouts: options.rollouts,
    cost: options.cost,
    metrics: options.metrics,
    scalingState: options.scalingState,
    scalingHistory: options.scalingHistory,
    logger,
  });
  await scheduleWeeklyReports(
    scheduler,
    config,
    createWeeklyReportsTask({
      reports,
      catalog,
      auth,
      notifications: options.notifications,
      // Relative links still work in the portal's notifications.
      portalBaseUrl: config.getOptionalString('app.baseUrl') ?? '',
      logger,
    }),
  );
  return reports;
}
