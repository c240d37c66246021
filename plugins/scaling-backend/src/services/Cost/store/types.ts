import {
  CostByResource,
  CostIngestionRun,
  CostWindow,
} from '@meschain/backstage-plugin-scaling-common';

/** One source allocation of one day, mapped to its entity. */
export type DailyCostRow = {
  allocation: string;
  entityRef: string;
  ownerRef: string;
  /** Kept for cost that maps to no entity, so that someone can find its owner. */
  labels?: Record<string, string>;
  cost: CostByResource;
  total: number;
  cpuRequestCoreHours: number;
  cpuUsageCoreHours: number;
  memoryRequestGiBHours: number;
  memoryUsageGiBHours: number;
};

/** Everything one cluster reported for one day. */
export type DayOfCluster = {
  day: string;
  cluster: string;
  region: string;
  rows: DailyCostRow[];
  /** Entries the source returned that could not be read. */
  skipped: Array<{ name: string; reason: string }>;
};

/** Cost of one day in one region. */
export type RegionDayCost = {
  day: string;
  region: string;
  cost: CostByResource;
  total: number;
};

/** An entity's cost in one region over a window. */
export type EntityRegionCost = {
  entityRef: string;
  ownerRef: string;
  region: string;
  total: number;
};

/** An owner's cost in one region over one month. */
export type OwnerMonthCost = {
  month: string;
  ownerRef: string;
  region: string;
  total: number;
};

/** Requested and used resources and their cost, on one day in one region. */
export type EntityUsageDay = {
  day: string;
  region: string;
  storageCost: number;
  cpuCost: number;
  memoryCost: number;
  cpuRequestCoreHours: number;
  cpuUsageCoreHours: number;
  memoryRequestGiBHours: number;
  memoryUsageGiBHours: number;
};

/** Cost per day, entity, region and resource, with rollups for team and org reads. */
export interface CostStore {
  /**
   * Replaces whatever was stored for the day and cluster, and records the run:
   * re-ingesting a day never double-counts. Rollups are refreshed unless asked
   * not to (bulk loads refresh them once, with {@link CostStore.refreshRollups}).
   */
  replaceDay(
    day: DayOfCluster,
    options?: { refreshRollups?: boolean },
  ): Promise<CostIngestionRun>;
  /** Records that a day of a cluster could not be read, keeping what was stored before. */
  recordFailure(run: {
    day: string;
    cluster: string;
    region: string;
    reason: string;
  }): Promise<CostIngestionRun>;
  refreshRollups(days: string[]): Promise<void>;
  listRuns(window: CostWindow): Promise<CostIngestionRun[]>;

  entityDays(entityRef: string, window: CostWindow): Promise<RegionDayCost[]>;
  entityUsageDays(
    entityRef: string,
    window: CostWindow,
  ): Promise<EntityUsageDay[]>;
  /** Per owner, or the whole org when `ownerRef` is absent. */
  ownerDays(
    ownerRef: string | undefined,
    window: CostWindow,
  ): Promise<RegionDayCost[]>;
  /** Per entity and region, of one owner or of the org. */
  entityTotals(
    ownerRef: string | undefined,
    window: CostWindow,
  ): Promise<EntityRegionCost[]>;
  ownerMonths(window: CostWindow): Promise<OwnerMonthCost[]>;
  /** The total of an entity, an owner, or the org. */
  total(
    scope: { entityRef: string } | { ownerRef: string } | 'org',
    window: CostWindow,
  ): Promise<number>;
}
