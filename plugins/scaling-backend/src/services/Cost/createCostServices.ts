import {
  AuthService,
  DatabaseService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CostSource } from '@meschain/backstage-plugin-scaling-node';
import { ClusterDirectory, KubernetesClients } from '../Clusters';
import { EntityScalingFactsService } from '../EntityScalingFacts';
import { ScalingWritePipeline } from '../ScalingWrites';
import { loadCostEntityMapping } from './costEntityMapping';
import { readCostIngestionSchedule, readCostSettings } from './costSettings';
import { createCostBackfill } from './createCostBackfill';
import { createCostIngestion } from './createCostIngestion';
import { createCostReports } from './createCostReports';
import { createScheduledCostIngestion } from './createScheduledCostIngestion';
import {
  createOpenCostSource,
  readOpenCostClusters,
} from './createOpenCostSource';
import { createCostWorkloadObserver } from './observeCostWorkloads';
import { createCostRecommendationRefresh } from './refreshCostRecommendations';
import {
  DatabaseCostRecommendationStore,
  DatabaseCostStore,
  DatabaseCostUsageStore,
} from './store';

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
  clusters: ClusterDirectory;
  kubernetes: KubernetesClients;
  clusterTimeoutMs: number;
  /** Authorizes and audits the backfill, as it does every write. */
  pipeline: ScalingWritePipeline;
  /** Set through `scalingCostExtensionPoint`; OpenCost from config otherwise. */
  source?: CostSource;
}) {
  const { config, scheduler, catalog, auth, logger } = options;
  const settings = readCostSettings(config);
  const { database } = options;
  const store = await DatabaseCostStore.create({ database });
  const usage = await DatabaseCostUsageStore.create({ database });
  const recommendations = await DatabaseCostRecommendationStore.create({
    database,
  });
  const source =
    options.source ??
    createOpenCostSource({ clusters: readOpenCostClusters(config) });
  const loadMapping = () => loadCostEntityMapping({ catalog, auth });
  const ingestion = createCostIngestion({
    source,
    store,
    usage,
    loadMapping,
    logger,
    hourlyDays: settings.recommendationDays,
  });
  const refreshRecommendations = createCostRecommendationRefresh({
    source,
    observe: createCostWorkloadObserver({
      clusters: options.clusters,
      kubernetes: options.kubernetes,
      timeoutMs: options.clusterTimeoutMs,
    }),
    loadMapping,
    usage,
    recommendations,
    settings,
    logger,
  });

  await scheduler.scheduleTask({
    id: 'scaling-cost-ingestion',
    ...readCostIngestionSchedule(config),
    fn: createScheduledCostIngestion({
      ingestion,
      refreshRecommendations,
      store,
      source,
      settings,
      logger,
    }),
  });

  const reports = createCostReports({
    store,
    recommendations,
    catalog,
    entityFacts: options.entityFacts,
    currency: settings.currency,
    recommendationDays: settings.recommendationDays,
  });
  const backfill = createCostBackfill({
    pipeline: options.pipeline,
    ingestion,
    refreshRecommendations,
  });
  return { store, reports, backfill };
}
