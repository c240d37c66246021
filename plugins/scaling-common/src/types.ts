/** @public The autoscaling presets of the MesChain platform. */
export const SCALING_POLICY_KINDS = [
  'cpu',
  'memory',
  'requests',
  'custom',
] as const;
/** @public */
export type ScalingPolicyKind = (typeof SCALING_POLICY_KINDS)[number];

/** @public How a service's new versions reach its users. */
export const DEPLOYMENT_STRATEGIES = [
  'rolling',
  'blue-green',
  'canary',
  'ab',
] as const;
/** @public */
export type DeploymentStrategy = (typeof DEPLOYMENT_STRATEGIES)[number];

/** @public A region either serves traffic or stands by to take it over. */
export type RegionRole = 'primary' | 'dr';

/** @public How the suite finds a service's workloads in a cluster. */
export type WorkloadSelector = {
  /** Value of `backstage.io/kubernetes-id`, matched against the same label. */
  kubernetesId?: string;
  /** An explicit label selector, which wins over `kubernetesId`. */
  labelSelector?: string;
  namespace?: string;
  /** Restricts the lookup to one cluster. */
  cluster?: string;
};

/** @public A Kubernetes cluster the service runs in, as the catalog describes it. */
export type EntityCluster = {
  name: string;
  entityRef: string;
  title?: string;
  region: string;
  role: RegionRole;
  location?: string;
  drRegion?: string;
};

/** @public A problem with how the entity is annotated, reported rather than hidden. */
export type AnnotationProblem = {
  annotation: string;
  message: string;
};

// A type rather than an interface, so that it satisfies the index signatures
// of the OpenAPI router's response types.
/**
 * @public
 * The scaling-relevant facts of one catalog entity: who owns it, how critical
 * it is, how its workloads are found and which clusters serve it.
 */
export type ScalingEntityFacts = {
  entityRef: string;
  name: string;
  title?: string;
  description?: string;
  owner?: string;
  system?: string;
  lifecycle?: string;
  tier?: string;
  onCall: string[];
  scalingPolicy?: ScalingPolicyKind;
  deploymentStrategy?: DeploymentStrategy;
  workload: WorkloadSelector;
  regions: string[];
  clusters: EntityCluster[];
  /** Regions the entity names for which the catalog has no cluster. */
  regionsWithoutCluster: string[];
  problems: AnnotationProblem[];
  /** The entity's annotations that the suite reads, verbatim. */
  annotations: Record<string, string>;
};

/** @public A cloud region as the platform team configures it. */
export type Region = {
  id: string;
  displayName: string;
  role: RegionRole;
  /** The region that takes over this one's traffic in a disaster. */
  drRegion?: string;
  provider?: string;
  providerRegion?: string;
  latitude?: number;
  longitude?: number;
  /** Names of the Kubernetes clusters that serve the region. */
  clusters: string[];
};
