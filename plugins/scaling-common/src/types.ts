import type { ParsedScalingPolicy } from './policy';

/**
 * A type's shape as an anonymous object type. The policy model is written as
 * interfaces, which TypeScript counts neither as JSON nor as objects with an
 * index signature (the OpenAPI router's response types); their copies are both.
 */
type AsPlainObject<T> = T extends object
  ? { [K in keyof T]: AsPlainObject<T[K]> }
  : T;

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
  /** A human place name, e.g. `Frankfurt, DE`. */
  location?: string;
  /** On-demand prices the region's cost is computed from. */
  pricing?: RegionPricing;
  /** The configured network latency to the region, in milliseconds. */
  latencyMs?: number;
};

/** @public Hourly prices of a region. */
export type RegionPricing = {
  /** ISO 4217 code; defaults to `USD`. */
  currency: string;
  cpuCoreHour: number;
  memoryGiBHour: number;
};

/** @public Replica counts of a Deployment or Argo Rollout. */
export type WorkloadReplicas = {
  /** `spec.replicas`: how many pods the workload asks for. */
  desired: number;
  /** `status.replicas`: pods that exist, in any state. */
  current: number;
  ready: number;
  available: number;
  /** Pods running the latest pod template. */
  updated: number;
};

/** @public CPU and memory of a set of pods. */
export type PodResourceAmounts = {
  cpuMillicores: number;
  memoryBytes: number;
};

/** @public What a workload's pods reserve against what they use. */
export type WorkloadPodResources = {
  /** The workload's pods, as its `status.replicas` counts them. */
  pods: number;
  /**
   * The pod template's requests (pod-level, or its containers' sum) times
   * `pods`: during a rollout, pods of the previous template count at the
   * current one's.
   */
  requests: PodResourceAmounts;
  /**
   * Summed over the pods `metrics.k8s.io` has a sample for; `pods` says how
   * many. Absent when the cluster's resource metrics API did not answer.
   */
  usage?: PodResourceAmounts & { pods: number };
};

/** @public A metric's value as an HPA states it: quantities are Kubernetes quantity strings. */
export type AutoscalerMetricValue = {
  value?: string;
  averageValue?: string;
  /** Percent of the pods' requests. */
  averageUtilization?: number;
};

/** @public One metric of an HPA: its target and the value the HPA controller last computed. */
export type AutoscalerMetricState = {
  type: 'Resource' | 'ContainerResource' | 'Pods' | 'Object' | 'External';
  /** The resource (`cpu`, `memory`) or the custom metric's name. */
  name: string;
  /** For `ContainerResource` metrics. */
  container?: string;
  /** For `Object` metrics: the object the metric describes. */
  describedObject?: { apiVersion?: string; kind: string; name: string };
  target: AutoscalerMetricValue & {
    type: 'Utilization' | 'Value' | 'AverageValue';
  };
  /** Absent until the HPA controller has computed the metric. */
  current?: AutoscalerMetricValue;
};

/** @public A rate limit of one scaling direction, as in `spec.behavior`. */
export type AutoscalerScalingPolicy = {
  type: 'Pods' | 'Percent';
  value: number;
  periodSeconds: number;
};

/** @public The behavior of one scaling direction, as in `spec.behavior.scaleUp` or `scaleDown`. */
export type AutoscalerScalingRules = {
  stabilizationWindowSeconds?: number;
  selectPolicy?: 'Max' | 'Min' | 'Disabled';
  policies?: AutoscalerScalingPolicy[];
  tolerance?: string;
};

/** @public One entry of an HPA's `status.conditions`. */
export type AutoscalerCondition = {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
};

/** @public The `autoscaling/v2` HorizontalPodAutoscaler that targets a workload: its spec and status. */
export type AutoscalerState = {
  name: string;
  minReplicas: number;
  maxReplicas: number;
  /** As the HPA controller last saw and set them. */
  currentReplicas: number;
  desiredReplicas: number;
  lastScaleTime?: string;
  metrics: AutoscalerMetricState[];
  /** As written in the spec; directions left out use the controller's defaults. */
  behavior?: {
    scaleUp?: AutoscalerScalingRules;
    scaleDown?: AutoscalerScalingRules;
  };
  conditions: AutoscalerCondition[];
  /**
   * The scaling policy this HPA expresses, read with `parseHorizontalPodAutoscaler`:
   * what the policy editor starts from. Absent when the HPA cannot be read as one.
   */
  policy?: AsPlainObject<ParsedScalingPolicy>;
};

/** @public The kinds of workload the suite scales. */
export type ScalableWorkloadKind = 'Deployment' | 'Rollout';

/** @public A Deployment or Argo Rollout of an entity in one cluster. */
export type WorkloadScalingState = {
  kind: ScalableWorkloadKind;
  apiVersion: string;
  name: string;
  namespace: string;
  /** Send it back with a scale request, so that a stale view cannot overwrite a newer change. */
  resourceVersion: string;
  replicas: WorkloadReplicas;
  /** The HPA whose `scaleTargetRef` is this workload; absent when none is. */
  autoscaler?: AutoscalerState;
  pods: WorkloadPodResources;
};

/** @public Why one cluster's state is missing, in `@backstage/errors` terms. */
export type ClusterScalingError = {
  name: string;
  message: string;
};

/**
 * @public
 * An entity's workloads in one cluster, or why they could not be read.
 * Exactly one of `workloads` and `error` is set.
 */
export type ClusterScalingState = {
  /** Absent when no cluster serves the region. */
  cluster?: string;
  region: string;
  role?: RegionRole;
  /** When the cluster answered (RFC 3339); a cached answer is a few seconds old. */
  observedAt?: string;
  workloads?: WorkloadScalingState[];
  error?: ClusterScalingError;
};

/** @public An entity's scaling state across all the clusters of its regions. */
export type EntityScalingState = {
  entityRef: string;
  /** How the workloads were looked up in every cluster. */
  workloadQuery: { labelSelector: string; namespace?: string };
  /** In the order of the entity's regions. */
  clusters: ClusterScalingState[];
};
