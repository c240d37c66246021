import type { SimClock } from '../clock';
import type { SeededRandom } from '../random';
import type { ObjectStore } from '../store/types';

/** Hourly on-demand prices of a region, as OpenCost's custom pricing uses them (USD). */
export interface RegionPrices {
  cpuCoreHour: number;
  ramGiBHour: number;
  gpuHour?: number;
  storageGiBHour?: number;
}

/** A node type of the fleet file; `count` nodes of it are created in the store as `Node` objects. */
export interface NodePoolSpec {
  name: string;
  instanceType: string;
  count: number;
  /** Quantities as in a Node's `status.allocatable`, e.g. `cpu: '3920m'`, `memory: '15Gi'`, `pods: '58'`. */
  allocatable: { cpu: string; memory: string; pods: string };
  capacity?: { cpu: string; memory: string; pods: string };
  zones?: string[];
  /** Hourly price of one node; when unset, cost comes from `RegionPrices` × allocatable. */
  hourlyPrice?: number;
  spot?: boolean;
}

export type DeploymentStrategyKind = 'rolling' | 'canary' | 'blue-green' | 'ab';
export type ScalingPolicyKind =
  | 'cpu'
  | 'memory'
  | 'requests'
  | 'custom'
  | 'none';

/** One service as the fleet file describes it; seeding turns it into objects. */
export interface ServiceSpec {
  name: string;
  /** Owning team, written as a label so that cost can be aggregated by team. */
  team?: string;
  image: string;
  replicas: number;
  strategy: DeploymentStrategyKind;
  scaling: ScalingPolicyKind;
  /** Custom metric names for `scaling: custom`, e.g. `queue_length`. */
  customMetrics?: string[];
  resources: {
    requests: { cpu: string; memory: string };
    limits?: { cpu: string; memory: string };
  };
  port?: number;
  /** Load profile used by the synthetic load generator (requests per second at the daily peak). */
  load?: { peakRps: number; baseRps?: number; incidentRate?: number };
  /** The HPA spec (without scaleTargetRef) resolved from the scaling preset; absent for `none`. */
  autoscaling?: AutoscalingSpec;
  /** The Argo Rollout `spec.strategy` for canary, blue-green and A/B services. */
  rolloutStrategy?: Record<string, unknown>;
  /** The Argo Rollout `spec.rollbackWindow`: rollbacks to recent revisions skip the steps. */
  rollbackWindow?: { revisions: number };
  /** Names of the resources (databases, caches, queues) the service uses, as in the catalog. */
  dependsOn?: string[];
}

export type DependencyKind = 'database' | 'cache' | 'queue';

/**
 * A backing service of the fleet, one instance per cluster, named as the catalog's Resource. Its
 * metrics follow the load of the cluster's services that depend on it.
 */
export interface ResourceSpec {
  name: string;
  type: DependencyKind;
  /** For a database: the size of its connection pool. Default 100. */
  maxConnections?: number;
}

/** An autoscaling/v2 HPA spec without its target, as the fleet's presets give it. */
export interface AutoscalingSpec {
  minReplicas: number;
  maxReplicas: number;
  metrics: Record<string, unknown>[];
  behavior?: Record<string, unknown>;
}

export interface ClusterSpec {
  name: string;
  region: string;
  /** Human name of the location, e.g. `Ireland`. */
  location?: string;
  role: 'primary' | 'dr';
  /** The primary region a DR region stands in for, and vice versa. */
  drPartner?: string;
  token: string;
  prices: RegionPrices;
  nodePools: NodePoolSpec[];
  namespace: string;
  services: ServiceSpec[];
  /** The resources the cluster's services depend on. */
  resources?: ResourceSpec[];
  /** Figures from the brief, carried as cluster annotations for the demo. */
  display?: {
    capacityPercent?: number;
    latencyMs?: number;
    costPerHour?: number;
  };
}

/** One simulated cluster: its store, clock and the data the controllers need. */
export interface SandboxCluster {
  readonly name: string;
  readonly region: string;
  readonly role: 'primary' | 'dr';
  readonly token: string;
  readonly prices: RegionPrices;
  readonly spec: ClusterSpec;
  readonly store: ObjectStore;
  /** Shared by every cluster of the sandbox. */
  readonly clock: SimClock;
  /** This cluster's own deterministic random stream (derived from the sandbox seed and its name). */
  readonly random: SeededRandom;
  /** Set once seeding has settled when the fleet gives its seed a past (`history`). */
  seedHistory?: SeedHistory;
}

/**
 * The past the fleet gives its seeded workloads: the objects that existed when seeding settled
 * (`seededUntil`) are counted by cost as if they had run since `runningSince`, while their
 * metadata keeps the times they were really created at.
 */
export interface SeedHistory {
  runningSince: number;
  seededUntil: number;
}

/** What a read-only route handler receives. */
export interface SandboxRouteRequest {
  /** Values of the `:name` segments of the route's path. */
  params: Record<string, string>;
  /** Query string parameters (last value wins). */
  query: Record<string, string>;
  cluster: SandboxCluster;
}

/**
 * An extra read-only (GET) endpoint of a cluster, e.g. metrics.k8s.io, OpenCost or Prometheus.
 *
 * `path` is relative to the cluster's base URL and may contain `:name` segments, e.g.
 * `/apis/metrics.k8s.io/v1beta1/namespaces/:namespace/pods/:name`. Literal segments win over
 * parameters when two routes match. The handler returns a JSON-serialisable value, or a string
 * when `contentType` is set. Throwing a `StatusError` answers with that Status; anything else is a
 * 500 Status.
 */
export interface SandboxRoute {
  path: string;
  /** When set, the handler returns the body text in this content type (e.g. Prometheus text). */
  contentType?: string;
  /** Serve without the cluster's bearer token (OpenCost and Prometheus scrapes). Default false. */
  public?: boolean;
  handle(request: SandboxRouteRequest): unknown | Promise<unknown>;
}

/** One resource of an API group served by routes, for discovery (`/apis/<group>/<version>`). */
export interface DiscoveryResource {
  /** Plural name, e.g. `pods`, or a subresource-style name, e.g. `namespaces/metrics`. */
  name: string;
  kind: string;
  namespaced: boolean;
  verbs: string[];
  shortNames?: string[];
  singularName?: string;
}

/** An API group version served by routes, e.g. `metrics.k8s.io/v1beta1`. */
export interface DiscoveryGroup {
  group: string;
  version: string;
  resources: DiscoveryResource[];
}

/** What the controllers attach to a cluster; see `src/controllers/index.ts`. */
export interface ClusterSimulation {
  /** Called with the simulated time after each clock advance (at most every `tickMs` sim ms). */
  tick(now: number): void;
  routes: SandboxRoute[];
  discovery: DiscoveryGroup[];
  /** Stops timers or listeners the simulation holds. */
  dispose?(): void;
}

export type AttachSimulation = (cluster: SandboxCluster) => ClusterSimulation;
