import { HourlyLoad } from '@meschain/backstage-plugin-scaling-common';
import { CostUsageStore } from '../Cost/store';

/** Where a service's past load comes from, per hour and region. */
export interface LoadHistorySource {
  /** The CPU the entity's workloads used in the region, in millicores, each whole hour since `since`. */
  hourlyCpu(
    entityRef: string,
    region: string,
    since: Date,
  ): Promise<HourlyLoad[]>;
}

/**
 * The hourly usage the cost ingestion stores for savings recommendations (summed over a
 * region's clusters): it needs no metrics source, and holds the recommendation window.
 */
export function storedUsageHistory(
  usage: Pick<CostUsageStore, 'entityHours'>,
): LoadHistorySource {
  return {
    async hourlyCpu(entityRef, region, since) {
      const hours = await usage.entityHours(entityRef, since.toISOString());
      return hours
        .filter(hour => hour.region === region)
        .map(hour => ({
          at: Date.parse(hour.hour),
          value: hour.cpuUsageCores * 1000,
        }));
    },
  };
}
