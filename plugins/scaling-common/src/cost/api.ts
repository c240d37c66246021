/**
 * Requests and responses of the scaling backend's cost routes, under `/api/scaling/cost`.
 *
 * Every amount is in the response's `currency`, every window is a range of UTC days
 * `[start, end)` written `YYYY-MM-DD`; `start` and `end` query parameters default to the
 * last 30 complete days.
 *
 * - `GET  /cost/entities/{kind}/{namespace}/{name}?start&end` → {@link EntityCost}
 * - `GET  /cost/entities/{kind}/{namespace}/{name}/efficiency?start&end` → {@link CostEfficiency}
 * - `GET  /cost/entities/{kind}/{namespace}/{name}/recommendations` → {@link CostRecommendations}
 *   (worked out after each ingestion from the recommendation window's hourly usage)
 * - `GET  /cost/teams/{kind}/{namespace}/{name}?start&end` → {@link TeamCost}
 *   (the entities the group owns in the catalog; `kind` is `group`)
 * - `GET  /cost/org?start&end` → {@link OrgCost}
 * - `GET  /cost/ingestion?start&end` → {@link CostIngestionStatus}
 * - `POST /cost/backfill` body {@link CostBackfillRequest} → {@link CostBackfillResult}
 *   (restricted to the `scaling.cost.backfill` permission; answers once the range is ingested)
 */
import type { CostWindow } from '../schema/openapi';

// The backfill and ingestion types are generated from the OpenAPI spec. These
// are the answers the spec gives as open objects with their required keys only.

/** @public What a cost is for, as OpenCost splits an allocation. */
export type CostResource =
  | 'cpu'
  | 'memory'
  | 'storage'
  | 'network'
  | 'shared'
  | 'idle';

/** @public Every cost resource, in display order. */
export const COST_RESOURCES: readonly CostResource[] = [
  'cpu',
  'memory',
  'storage',
  'network',
  'shared',
  'idle',
];

/** @public The entity ref under which costs that map to no catalog entity are kept. */
export const UNALLOCATED_COST_ENTITY = 'unallocated';

/**
 * @public
 * A total against the same-length window just before it. Only given when that
 * window lies wholly after the data's start, so like is compared with like.
 */
export type CostChange = {
  previousWindow: CostWindow;
  previousTotal: number;
  /** `total - previousTotal`. */
  absolute: number;
  /** `absolute / previousTotal`; null when the previous total is zero. */
  ratio: number | null;
};

/** @public An amount per resource; resources with no cost are zero. */
export type CostByResource = Record<CostResource, number>;

/** @public One day's cost. */
export type DailyCost = {
  date: string;
  total: number;
  byResource: CostByResource;
};

/** @public A labelled total, e.g. one region, service or team. */
export type CostShare = { key: string; total: number };

/** @public A day and cluster whose source data was unusable or unreachable. */
export type IncompleteCostDay = {
  date: string;
  cluster: string;
  region?: string;
  reason: string;
};

/** @public `GET /cost/entities/{kind}/{namespace}/{name}` */
export type EntityCost = {
  entityRef: string;
  currency: string;
  window: CostWindow;
  total: number;
  /**
   * The first day with cost data (`YYYY-MM-DD`), from the first ingestion;
   * absent before any. Days of the window before it hold no data, not no cost.
   */
  dataStart?: string;
  /** Absent when the window before starts before `dataStart`: there is nothing like to compare with. */
  change?: CostChange;
  daily: DailyCost[];
  byRegion: CostShare[];
  byResource: CostByResource;
  /** Days in the window whose data is missing or partial, so the figures may be low. */
  incomplete: IncompleteCostDay[];
};

/** @public The projected savings of a set of recommendations. */
export type CostSavingsSummary = {
  count: number;
  monthly: number;
  annual: number;
  /** The usage the recommendations were derived from: the last `scaling.cost.recommendations.days` days. */
  window: CostWindow;
};

/** @public `GET /cost/teams/{kind}/{namespace}/{name}` */
export type TeamCost = {
  teamRef: string;
  currency: string;
  window: CostWindow;
  total: number;
  /**
   * The first day with cost data (`YYYY-MM-DD`), from the first ingestion;
   * absent before any. Days of the window before it hold no data, not no cost.
   */
  dataStart?: string;
  /** Absent when the window before starts before `dataStart`: there is nothing like to compare with. */
  change?: CostChange;
  daily: DailyCost[];
  /** Keys are entity refs. */
  byService: CostShare[];
  byRegion: CostShare[];
  savings: CostSavingsSummary;
  incomplete: IncompleteCostDay[];
};

/** @public One calendar month (UTC) of the org's cost. */
export type MonthlyCost = {
  /** `YYYY-MM`. */
  month: string;
  total: number;
  /** Keys are owner refs; `unallocated` for cost that maps to no entity. */
  byTeam: CostShare[];
};

/** @public `GET /cost/org` */
export type OrgCost = {
  currency: string;
  window: CostWindow;
  total: number;
  /**
   * The first day with cost data (`YYYY-MM-DD`), from the first ingestion;
   * absent before any. Days of the window before it hold no data, not no cost.
   */
  dataStart?: string;
  /** Absent when the window before starts before `dataStart`: there is nothing like to compare with. */
  change?: CostChange;
  /** Keys are owner refs, largest first; `unallocated` included. */
  byTeam: CostShare[];
  /** Keys are entity refs, largest first; at most 20. */
  topServices: CostShare[];
  byRegion: CostShare[];
  byMonth: MonthlyCost[];
  /** The last complete month of the window against the one before it; absent with fewer than two. */
  monthOverMonth?: {
    month: string;
    previousMonth: string;
    total: number;
    previousTotal: number;
    absolute: number;
    ratio: number | null;
  };
  savings: CostSavingsSummary;
  incomplete: IncompleteCostDay[];
};

/** @public Requested against used, for one resource, over the window. */
export type ResourceEfficiency = {
  /** Core-hours for CPU, GiB-hours for memory. */
  requested: number;
  used: number;
  /** `used / requested`; null when nothing was requested. */
  efficiency: number | null;
  /** The cost of what was requested and not used. */
  idleCost: number;
};

/** @public `GET /cost/entities/{kind}/{namespace}/{name}/efficiency` */
export type CostEfficiency = {
  entityRef: string;
  currency: string;
  window: CostWindow;
  cpu: ResourceEfficiency;
  memory: ResourceEfficiency;
};

/** @public The kinds of savings the suite proposes. */
export type CostRecommendationKind =
  | 'right-sizing'
  | 'spot'
  | 'reserved'
  | 'hpa';

/** @public One proposed saving, with the figures it was derived from. */
export type CostRecommendation = {
  kind: CostRecommendationKind;
  entityRef: string;
  /** Absent when the recommendation spans every region of the entity. */
  region?: string;
  summary: string;
  monthlySavings: number;
  annualSavings: number;
  /** The inputs, named as in the summary, e.g. `{ cpuRequestCores: 2, cpuUsageP95Cores: 0.6 }`. */
  inputs: Record<string, number | string>;
  /** What to change, e.g. `{ cpuRequestCores: 0.75 }` or `{ minReplicas: 2 }`. */
  proposal: Record<string, number | string>;
};

/** @public `GET /cost/entities/{kind}/{namespace}/{name}/recommendations` */
export type CostRecommendations = {
  entityRef: string;
  currency: string;
  /** The usage the recommendations were derived from. */
  window: CostWindow;
  /** When they were last worked out; absent before the first ingestion. */
  computedAt?: string;
  recommendations: CostRecommendation[];
  savings: CostSavingsSummary;
};
