import {
  AuthService,
  DatabaseService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CostSource } from '@meschain/backstage-plugin-scaling-node';
import { EntityScalingFactsService } from '../EntityScalingFacts';
import { EntityScalingStateService } from '../ScalingState';
import { loadCostEntityMapping } from './costEntityMapping';
import { readCostIngestionSchedule, readCostSettings } from './costSettings';
import { createCostIngestion } from './createCostIngestion';
import { createCostRecommendationService } from './createCostRecommendations';
import { createCostReports } from './createCostReports';
import { createScheduledCostIngestion } from './createScheduledCostIngestion';
import {
  createOpenCostSource,
  readOpenCostClusters,
} from './createOpenCostSource';
import { DatabaseCostStore } from './store';

/**
 * The cost store, ingestion, reports and the scheduled ingestion task. The
 * scheduler runs a task with the same id once across the backend's replicas,
 * so the initial days are loaded by one of them, after start-up, in the
 * background.
 */
export async function createCostServices(options: {
  config: Config;
  database: DatabaseService;
  scheduler: SchedulerService;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  entityFacts: EntityScalingFactsService;
  scalingState: EntityScalingStateService;
  /** Set through `scalingCostExtensionPoint`; OpenCost from config otherwise. */
  source?: CostSource;
}) {
  const { config, scheduler, catalog, auth, logger } = options;
  const settings = readCostSettings(config);
  const store = await DatabaseCostStore.create({ database: options.database });
  const source =
    options.source ??
    createOpenCostSource({ clusters: readOpenCostClusters(config) });
  const ingestion = createCostIngestion({
    source,
    store,
    loadMapping: () => loadCostEntityMapping({ catalog, auth }),
    logger,
  });

  await scheduler.scheduleTask({
    id: 'scaling-cost-ingestion',
    ...readCostIngestionSchedule(config),
    fn: createScheduledCostIngestion({
      ingestion,
      store,
      source,
      settings,
      logger,
    }),
  });

  const recommendations = createCostRecommendationService({
    store,
    entityFacts: options.entityFacts,
    scalingState: options.scalingState,
    settings,
    logger,
  });
  const reports = createCostReports({
    store,
    catalog,
    entityFacts: options.entityFacts,
    recommendations,
    currency: settings.currency,
  });
  return { store, ingestion, reports };
}
