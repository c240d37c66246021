import {
  ClusterDetails,
  KubernetesCredential,
} from '@backstage/plugin-kubernetes-node';
import {
  EdgeLocation,
  Region,
} from '@meschain/backstage-plugin-scaling-common';

/**
 * @public
 * A Kubernetes API server the suite may read and write. Its fields are those
 * of the upstream Kubernetes backend's `ClusterDetails` that the suite
 * honours, so that upstream's authentication strategies apply unchanged.
 * The auth metadata and credentials stay in the backend: they are never part
 * of any API response.
 */
export interface ScalingCluster
  extends Pick<
    ClusterDetails,
    'name' | 'url' | 'title' | 'caData' | 'skipTLSVerify' | 'authMetadata'
  > {
  region?: string;
  /**
   * The credential to send with the next request: a bearer token, an x509
   * client certificate, or none (`anonymous`). Called for every request, so
   * that a strategy may rotate it.
   */
  getCredential(): Promise<KubernetesCredential>;
}

/** @public Supplies clusters, e.g. from a cloud provider's API. */
export interface ClusterSupplier {
  getClusters(): Promise<ScalingCluster[]>;
}

/** @public An inclusive-exclusive time window. */
export interface TimeWindow {
  start: Date;
  end: Date;
}

/**
 * @public The cost of one workload in one cluster over a window, as OpenCost
 * reports it. Amounts are in the source's currency.
 */
export interface CostAllocation {
  cluster: string;
  /** The source's name for the allocation, e.g. `meschain-sync/deployment:order-service`, `__idle__`. */
  name: string;
  namespace?: string;
  /** The controlling workload, e.g. `deployment:order-service`. */
  controller?: string;
  /** The labels the workload's pods share, with the source's key spelling. */
  labels?: Record<string, string>;
  /** Capacity no workload requested; kept apart from every entity. */
  idle?: boolean;
  window: TimeWindow;
  cpuCoreHours: number;
  ramByteHours: number;
  cpuRequestCoreHours: number;
  cpuUsageCoreHours: number;
  ramRequestByteHours: number;
  ramUsageByteHours: number;
  cpuCost: number;
  ramCost: number;
  /** Persistent volumes. */
  storageCost: number;
  /** Network transfer and load balancers. */
  networkCost: number;
  sharedCost: number;
  totalCost: number;
}

/** @public An entry a source returned but could not read, and why. */
export interface SkippedCostAllocation {
  name: string;
  reason: string;
}

/** @public What a source answered for one cluster and window. */
export interface CostAllocationSet {
  allocations: CostAllocation[];
  /** Malformed entries, left out rather than stored with wrong numbers. */
  skipped: SkippedCostAllocation[];
}

/** @public How finely a source splits a window: `window` sums all of it. */
export type CostStep = 'window' | 'hour';

/** @public Where cost allocations come from. */
export interface CostSource {
  /** The clusters the source reports on, with their regions. */
  listClusters(): Promise<Array<{ name: string; region: string }>>;
  /**
   * The allocations of one cluster over a window: one per workload, summed
   * over the window, or with `step: 'hour'` one per workload and hour, each
   * with its hour as its window. Throws when the source cannot be read at all.
   */
  getAllocations(query: {
    window: TimeWindow;
    cluster: string;
    step?: CostStep;
  }): Promise<CostAllocationSet>;
}

/** @public One sample of an instant query. */
export interface MetricSample {
  labels: Record<string, string>;
  /** Epoch seconds the sample was evaluated at. */
  time: number;
  /** NaN and the infinities as Prometheus writes them, e.g. a ratio without traffic. */
  value: number;
}

/** @public One labelled series of a range query. */
export interface MetricSeries {
  labels: Record<string, string>;
  /** Pairs of epoch seconds and value, oldest first. */
  points: Array<[number, number]>;
}

/**
 * @public
 * Where metrics come from, in PromQL terms: by default the Prometheus of
 * `scaling.metrics.prometheus`. Each query names the platform region it asks
 * about, so a source may keep one Prometheus per region or one for all, whose
 * series carry a `region` label.
 */
export interface MetricsSource {
  /** Evaluates `promql` at `time` (now when omitted). Throws, naming the region, when it cannot be read. */
  query(
    promql: string,
    options: { region: string; time?: Date },
  ): Promise<MetricSample[]>;
  /** Evaluates `promql` every `stepSeconds` from `start` to `end`. */
  queryRange(
    promql: string,
    options: { region: string; start: Date; end: Date; stepSeconds: number },
  ): Promise<MetricSeries[]>;
}

/**
 * @public
 * Where the platform's regions are described: by default `scaling.regions`
 * and `scaling.edgeLocations` in config; an adopter may read them from
 * catalog Resources or a cloud API instead.
 */
export interface RegionCatalog {
  listRegions(): Promise<Region[]>;
  /** CDN points of presence and edge-compute nodes; none when not implemented. */
  listEdgeLocations?(): Promise<EdgeLocation[]>;
}
