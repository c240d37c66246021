/**
 * The regions API: where services run, what each region holds and costs, and
 * whether each service could fail over to its region's DR partner.
 *
 * Routes of the scaling backend (all reads, `user` or `service` credentials):
 *
 * - `GET /regions` → {@link RegionsOverview}: every region with its live facts,
 *   the edge locations, and the DR readiness of every service. One call; a
 *   cluster that fails is named in its region's `errors` and the rest is
 *   still returned.
 * - `GET /regions/:regionId` → {@link RegionFacts}: one region; 404 for an
 *   unknown id.
 * - `GET /entities/:kind/:namespace/:name/regions` → {@link EntityRegions}:
 *   the regions one catalog entity runs in and its DR readiness.
 *
 * Filtering by owner or system is done by the caller on
 * `RegionServicePlacement.owner` / `.system`.
 */
import type {
  ComputeAmounts,
  DrCheckVerdictEnum,
  DrReadinessSummary,
  EdgeLocation,
  EdgeLocationKindEnum,
  Region,
  RegionClusterError,
  RegionFacts,
  RegionFactsHealthEnum,
  RegionServicePlacement,
} from '../schema/openapi';

// The regions' own facts are generated from the OpenAPI spec. The DR readiness,
// and the answers that hold it, are typed here: the spec gives every check's
// `figures` as one open object, where each check id has its own figures.

/** @public What an edge location does. */
export type EdgeLocationKind = EdgeLocationKindEnum;

/**
 * @public
 * `healthy`: every cluster answered and every node is Ready. `degraded`: some
 * cluster failed or some node is not Ready. `down`: no cluster answered.
 * `unknown`: the region has no cluster.
 */
export type RegionHealth = RegionFactsHealthEnum;

/** @public `unknown` when a cluster needed for the check did not answer. */
export type DrVerdict = DrCheckVerdictEnum;

/** @public Is the service deployed in the partner region, and how many replicas are ready there. */
export type DrDeployedCheck = {
  id: 'deployed-in-partner';
  verdict: DrVerdict;
  summary: string;
  figures: { partnerReplicas: number; partnerReadyReplicas: number };
};

/** @public Does the partner run the same images as the primary. */
export type DrSameImageCheck = {
  id: 'same-image';
  verdict: DrVerdict;
  summary: string;
  figures: { primaryImages: string[]; partnerImages: string[] };
};

/** @public Could the partner's free allocatable take the requests of the primary's pods. */
export type DrCapacityCheck = {
  id: 'partner-capacity';
  verdict: DrVerdict;
  summary: string;
  figures: { needed: ComputeAmounts; partnerFree: ComputeAmounts };
};

/** @public How long the partner's HPA, at its scale-up rate limits, takes to absorb the primary's replicas. */
export type DrScaleUpCheck = {
  id: 'scale-up-time';
  verdict: DrVerdict;
  summary: string;
  figures: {
    fromReplicas: number;
    toReplicas: number;
    /** The partner HPA's `maxReplicas`, when it has one. */
    maxReplicas?: number;
    /** Absent when `toReplicas` is beyond `maxReplicas`. */
    minutes?: number;
    /** The longest a failover may take to pass (`scaling.dr.maxScaleUpMinutes`). */
    limitMinutes: number;
  };
};

/** @public One DR check. */
export type DrCheck =
  | DrDeployedCheck
  | DrSameImageCheck
  | DrCapacityCheck
  | DrScaleUpCheck;

/** @public One service's readiness to fail over from one primary region to its partner. */
export type ServiceDrReadiness = {
  kubernetesId: string;
  entityRef?: string;
  owner?: string;
  system?: string;
  primaryRegion: string;
  /** Absent when the primary region has no DR partner configured. */
  partnerRegion?: string;
  /** `fail` if any check fails, else `unknown` if any is unknown, else `pass`. */
  verdict: DrVerdict;
  checks: DrCheck[];
};

/** @public The answer of `GET /regions`. */
export type RegionsOverview = {
  regions: RegionFacts[];
  edgeLocations: EdgeLocation[];
  dr: { summary: DrReadinessSummary; services: ServiceDrReadiness[] };
  /** ISO 8601 time the clusters were read. */
  generatedAt: string;
};

/** @public The answer of `GET /entities/:kind/:namespace/:name/regions`. */
export type EntityRegions = {
  entityRef: string;
  /** The entity's workloads, one per cluster that runs it. */
  placements: RegionServicePlacement[];
  /** The regions of its placements, with the figures the small map needs. */
  regions: Region[];
  /** One entry per primary region the entity runs in. */
  dr: ServiceDrReadiness[];
  verdict: DrVerdict;
  errors: RegionClusterError[];
};
