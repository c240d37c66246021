import {
  CostByResource,
  CostIngestionRun,
  CostRecommendation,
  CostWindow,
  HourlyUsage,
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
  /**
   * The first day whose data any cluster reported (a run that did not fail),
   * where every view's data starts; absent until something is ingested.
   */
  firstDay(): Promise<string | undefined>;

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

/** One whole hour of one entity's workloads in one cluster, and what its volumes cost. */
export type HourlyUsageRow = Omit<HourlyUsage, 'region'> & {
  entityRef: string;
  ownerRef: string;
  storageCost: number;
};

/** The whole hours one cluster reported for one day. */
export type HoursOfCluster = {
  day: string;
  cluster: string;
  region: string;
  rows: HourlyUsageRow[];
};

/** A scalable workload of a catalog entity, as its cluster last showed it. */
export type ObservedWorkload = {
  cluster: string;
  region: string;
  namespace: string;
  kind: string;
  name: string;
  entityRef: string;
  ownerRef: string;
  tier?: string;
  replicas: number;
  cpuRequestCoresPerReplica: number;
  memoryRequestGiBPerReplica: number;
  /** The HPA that scales it, if any. */
  autoscaler?: { minReplicas: number; cpuTargetUtilization: number };
};

/** What savings recommendations are worked out from. */
export interface CostUsageStore {
  /** Replaces the stored hours of the day and cluster. */
  replaceHours(hours: HoursOfCluster): Promise<void>;
  /** Replaces what was last observed of the cluster's workloads. */
  replaceWorkloads(
    cluster: string,
    workloads: ObservedWorkload[],
  ): Promise<void>;
  /** Forgets the hours before `hour` (ISO 8601). */
  pruneHours(before: string): Promise<void>;
  /** The entities with hours since `since` (ISO 8601). */
  entitiesWithUsage(
    since: string,
  ): Promise<Array<{ entityRef: string; ownerRef: string }>>;
  /** An entity's hours since `since`, summed per hour and region over its clusters. */
  entityHours(
    entityRef: string,
    since: string,
  ): Promise<Array<HourlyUsage & { storageCost: number }>>;
  entityWorkloads(entityRef: string): Promise<ObservedWorkload[]>;
}

/** A recommendation and the owner whose savings it counts towards. */
export type OwnedRecommendation = CostRecommendation & { ownerRef: string };

/** The recommendations of one refresh, and the usage they were derived from. */
export type RecommendationSet = {
  window: CostWindow;
  computedAt: string;
};

/** The recommendations of the last refresh. */
export interface CostRecommendationStore {
  /** Replaces every stored recommendation with those of one refresh. */
  replaceAll(
    set: RecommendationSet & { recommendations: OwnedRecommendation[] },
  ): Promise<void>;
  /** The window and time of the last refresh that proposed anything. */
  lastSet(): Promise<RecommendationSet | undefined>;
  listForEntity(entityRef: string): Promise<CostRecommendation[]>;
  /** Monthly savings summed over an owner's entities, or the org's. */
  sumSavings(
    scope: { ownerRef: string } | 'org',
  ): Promise<{ count: number; monthly: number; annual: number }>;
}
