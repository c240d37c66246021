import { LoggerService } from '@backstage/backend-plugin-api';
import { CostSource } from '@meschain/backstage-plugin-scaling-node';
import { addDays, dayOf } from './costWindows';
import { CostIngestion } from './createCostIngestion';
import { CostRecommendationRefresh } from './refreshCostRecommendations';
import { CostStore } from './store';

/**
 * One run of the scheduled cost ingestion. It re-reads the last `ingestDays`
 * days, and first loads the `initialDays` before today for every cluster that
 * has no complete day among them yet: a new store, or a cluster added to the
 * config, gets its history once, while later runs only find complete days and
 * skip it. A cluster whose initial days failed is tried again on the next run.
 * Each run ends by refreshing the savings recommendations.
 */
export function createScheduledCostIngestion(options: {
  ingestion: CostIngestion;
  refreshRecommendations: CostRecommendationRefresh;
  store: CostStore;
  source: CostSource;
  settings: { ingestDays: number; initialDays: number };
  logger: LoggerService;
  now?: () => Date;
}): () => Promise<void> {
  const { ingestion, store, source, settings, logger } = options;
  const now = options.now ?? (() => new Date());

  async function clustersWithoutHistory(window: {
    start: string;
    end: string;
  }): Promise<string[]> {
    const runs = await store.listRuns(window);
    const complete = new Set(
      runs.filter(run => run.status === 'complete').map(run => run.cluster),
    );
    const clusters = await source.listClusters();
    return clusters.map(c => c.name).filter(name => !complete.has(name));
  }

  return async () => {
    const today = dayOf(now());
    if (settings.initialDays > 0) {
      const initial = {
        start: addDays(today, -settings.initialDays),
        end: today,
      };
      const clusters = await clustersWithoutHistory(initial);
      if (clusters.length > 0) {
        logger.info('Ingesting the initial days of cost', {
          ...initial,
          clusters: clusters.join(', '),
        });
        await ingestion.ingest(initial, { clusters });
      }
    }
    const end = addDays(today, 1);
    await ingestion.ingest({ start: addDays(end, -settings.ingestDays), end });
    await options.refreshRecommendations();
  };
}
