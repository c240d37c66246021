import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  CostIngestionRun,
  CostWindow,
} from '@meschain/backstage-plugin-scaling-common';
import {
  CostAllocation,
  CostSource,
} from '@meschain/backstage-plugin-scaling-node';
import { CostEntityMapping, UNALLOCATED } from './costEntityMapping';
import { addDays, dayOf, eachDay } from './costWindows';
import { hourlyUsageRows, sumHoursByAllocation } from './hourlyAllocations';
import { CostStore, CostUsageStore, DailyCostRow } from './store';

const GIB = 2 ** 30;
const HOUR_MS = 3_600_000;

/** Pulls cost allocations from the source and stores them by day. */
export interface CostIngestion {
  /** Ingests every day of the window, replacing what was stored for each. */
  ingest(
    window: CostWindow,
    options?: { clusters?: string[] },
  ): Promise<CostIngestionRun[]>;
}

function toRow(
  allocation: CostAllocation,
  mapping: CostEntityMapping,
): DailyCostRow {
  const usage = {
    cpuRequestCoreHours: allocation.cpuRequestCoreHours,
    cpuUsageCoreHours: allocation.cpuUsageCoreHours,
    memoryRequestGiBHours: allocation.ramRequestByteHours / GIB,
    memoryUsageGiBHours: allocation.ramUsageByteHours / GIB,
  };
  if (allocation.idle) {
    const none = { cpu: 0, memory: 0, storage: 0, network: 0, shared: 0 };
    return {
      allocation: allocation.name,
      ...UNALLOCATED,
      cost: { ...none, idle: allocation.totalCost },
      total: allocation.totalCost,
      ...usage,
    };
  }
  const owner = mapping(allocation);
  return {
    allocation: allocation.name,
    ...(owner ?? UNALLOCATED),
    labels: owner ? undefined : allocation.labels ?? {},
    cost: {
      cpu: allocation.cpuCost,
      memory: allocation.ramCost,
      storage: allocation.storageCost,
      network: allocation.networkCost,
      shared: allocation.sharedCost,
      idle: 0,
    },
    total: allocation.totalCost,
    ...usage,
  };
}

/**
 * Ingests whole past days, and today up to now. Each day of each cluster is
 * read and replaced on its own, so one cluster's outage or bad data marks only
 * its days failed or incomplete. Today and the `hourlyDays` before it are read
 * by the hour: their days are the sums of their hours, and their whole hours
 * are kept as the usage history savings recommendations are worked out from.
 */
export function createCostIngestion(options: {
  source: CostSource;
  store: CostStore;
  usage: CostUsageStore;
  loadMapping: () => Promise<CostEntityMapping>;
  logger: LoggerService;
  hourlyDays: number;
  now?: () => Date;
}): CostIngestion {
  const {
    source,
    store,
    usage,
    loadMapping,
    logger,
    hourlyDays,
    now = () => new Date(),
  } = options;

  async function ingestDayOfCluster(
    day: string,
    cluster: { name: string; region: string },
    mapping: CostEntityMapping,
    until: number,
  ): Promise<CostIngestionRun> {
    const start = new Date(`${day}T00:00:00Z`);
    const end = new Date(Math.min(start.getTime() + 24 * HOUR_MS, until));
    const byHour = day >= addDays(dayOf(now()), -hourlyDays);
    try {
      const set = await source.getAllocations({
        window: { start, end },
        cluster: cluster.name,
        step: byHour ? 'hour' : 'window',
      });
      for (const skipped of set.skipped) {
        logger.warn('Skipped a malformed cost allocation', {
          cluster: cluster.name,
          day,
          allocation: skipped.name,
          reason: skipped.reason,
        });
      }
      const allocations = byHour
        ? sumHoursByAllocation(set.allocations, { start, end })
        : set.allocations;
      const run = await store.replaceDay({
        day,
        cluster: cluster.name,
        region: cluster.region,
        rows: allocations.map(a => toRow(a, mapping)),
        skipped: set.skipped,
      });
      if (byHour) {
        await usage.replaceHours({
          day,
          cluster: cluster.name,
          region: cluster.region,
          rows: hourlyUsageRows(set.allocations, mapping, now()),
        });
      }
      return run;
    } catch (error) {
      const reason = (error as Error).message;
      logger.error('Could not ingest a day of cost', {
        cluster: cluster.name,
        day,
        reason,
      });
      return await store.recordFailure({
        day,
        cluster: cluster.name,
        region: cluster.region,
        reason,
      });
    }
  }

  return {
    async ingest(window, { clusters: only } = {}) {
      const at = now().getTime();
      // Today's window ends at the next full hour; the source counts up to
      // now, and the next hourly run replaces the day with a longer one.
      const until = Math.ceil(at / HOUR_MS) * HOUR_MS;
      const days = eachDay(window).filter(
        day => Date.parse(`${day}T00:00:00Z`) < until,
      );
      const known = await source.listClusters();
      const unknown = (only ?? []).filter(
        name => !known.some(c => c.name === name),
      );
      if (unknown.length) {
        throw new InputError(
          `Unknown cost cluster(s): ${unknown.join(', ')}; known: ${known
            .map(c => c.name)
            .join(', ')}`,
        );
      }
      const clusters = only ? known.filter(c => only.includes(c.name)) : known;
      const mapping = await loadMapping();
      const runs: CostIngestionRun[] = [];
      for (const day of days) {
        runs.push(
          ...(await Promise.all(
            clusters.map(cluster =>
              ingestDayOfCluster(day, cluster, mapping, until),
            ),
          )),
        );
      }
      logger.info('Ingested cost', {
        start: window.start,
        end: window.end,
        runs: runs.length,
        failed: runs.filter(r => r.status === 'failed').length,
        incomplete: runs.filter(r => r.status === 'incomplete').length,
      });
      return runs;
    },
  };
}
