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
import type { Region } from '../types';

/** @public CPU in cores and memory in bytes. */
export type ComputeAmounts = {
  cpuCores: number;
  memoryBytes: number;
};

/** @public What an edge location does. */
export type EdgeLocationKind = 'cdn-pop' | 'edge-compute';

/** @public A CDN point of presence or an edge-compute node, as configured. */
export type EdgeLocation = {
  id: string;
  kind: EdgeLocationKind;
  city: string;
  /** ISO 3166-1 alpha-2 code, e.g. `TR`. */
  country: string;
  latitude: number;
  longitude: number;
  /** The region whose origin it fronts, when configured. */
  region?: string;
};

/** @public Allocatable capacity of the Ready nodes against the requests of their pods. */
export type RegionCapacity = {
  allocatable: ComputeAmounts;
  /** Sum of the container requests of the pods bound to those nodes and not finished. */
  requested: ComputeAmounts;
  /** `allocatable - requested`, never below zero. */
  free: ComputeAmounts;
  nodes: number;
  readyNodes: number;
};

/**
 * @public
 * `healthy`: every cluster answered and every node is Ready. `degraded`: some
 * cluster failed or some node is not Ready. `down`: no cluster answered.
 * `unknown`: the region has no cluster.
 */
export type RegionHealth = 'healthy' | 'degraded' | 'down' | 'unknown';

/** @public A cluster that could not be read, and why. */
export type RegionClusterError = {
  cluster: string;
  /** e.g. `ServiceUnavailableError`, `NotAllowedError`. */
  name: string;
  message: string;
};

/** @public One cluster of a region, as it answered. */
export type RegionClusterFacts = {
  name: string;
  reachable: boolean;
  /** Round trip of the last API call to the cluster, in milliseconds. */
  roundTripMs?: number;
  /** Absent when the cluster did not answer. */
  capacity?: RegionCapacity;
  error?: RegionClusterError;
};

/** @public One service's workload in one cluster. */
export type RegionServicePlacement = {
  /** The `backstage.io/kubernetes-id` label of the workload. */
  kubernetesId: string;
  /** The catalog entity with that id, when there is one. */
  entityRef?: string;
  title?: string;
  owner?: string;
  system?: string;
  region: string;
  cluster: string;
  namespace: string;
  workload: { kind: 'Deployment' | 'Rollout'; name: string };
  replicas: { desired: number; ready: number };
  /** Container images of the pod template, in order. */
  images: string[];
  /** Requests of the workload's running pods, summed. */
  requested: ComputeAmounts;
};

/** @public Cost at current usage: requested CPU and memory times the region's prices. */
export type RegionCost = {
  currency: string;
  hourly: number;
  /** `hourly` times 730 hours. */
  monthly: number;
};

/** @public A region with what its clusters say now. */
export type RegionFacts = {
  region: Region;
  health: RegionHealth;
  /** Summed over the clusters that answered. */
  capacity: RegionCapacity;
  cost: RegionCost;
  latency: {
    /** The configured figure (`scaling.regions[].latencyMs`). */
    configuredMs?: number;
    /** The slowest round trip among the region's clusters' last API calls. */
    measuredMs?: number;
  };
  clusters: RegionClusterFacts[];
  services: RegionServicePlacement[];
  /** One per cluster that failed; empty when all answered. */
  errors: RegionClusterError[];
};

/** @public `unknown` when a cluster needed for the check did not answer. */
export type DrVerdict = 'pass' | 'fail' | 'unknown';

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

/** @public Counts of the DR readiness entries by verdict. */
export type DrReadinessSummary = {
  verdict: DrVerdict;
  pass: number;
  fail: number;
  unknown: number;
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
