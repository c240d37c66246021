import type { ParsedScalingPolicy } from './policy';
import type {
  AutoscalerBehavior,
  AutoscalerCondition,
  AutoscalerMetricState,
  EntityClusterRoleEnum,
  ErrorSummary,
  WorkloadPodResources,
  WorkloadQuery,
  WorkloadReplicas,
  WorkloadScalingStateKindEnum,
} from './schema/openapi';

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
export type RegionRole = EntityClusterRoleEnum;

// Not the generated AutoscalerState, nor the generated types that hold it: the
// spec's ScalingPolicy has one loose custom-metric target, where the policy the
// editor starts from has a union by `source`.

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
  behavior?: AutoscalerBehavior;
  conditions: AutoscalerCondition[];
  /**
   * The scaling policy this HPA expresses, read with `parseHorizontalPodAutoscaler`:
   * what the policy editor starts from. Absent when the HPA cannot be read as one.
   */
  policy?: AsPlainObject<ParsedScalingPolicy>;
};

/** @public The kinds of workload the suite scales. */
export type ScalableWorkloadKind = WorkloadScalingStateKindEnum;

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
  error?: ErrorSummary;
};

/** @public An entity's scaling state across all the clusters of its regions. */
export type EntityScalingState = {
  entityRef: string;
  /** How the workloads were looked up in every cluster. */
  workloadQuery: WorkloadQuery;
  /** In the order of the entity's regions. */
  clusters: ClusterScalingState[];
};
