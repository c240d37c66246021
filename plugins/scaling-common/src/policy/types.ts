/**
 * The scaling policy a user edits, and the HorizontalPodAutoscaler it becomes.
 *
 * The policy speaks the platform's language (CPU target, "scale down below",
 * requests per minute, response-time limit); `renderHpa.ts` maps it onto
 * `autoscaling/v2`, whose field types live in `../hpa/types.ts`.
 */
import type {
  CrossVersionObjectReference,
  HpaScalingRules,
  HpaSpec,
  LabelSelector,
} from '../hpa/types';

/** @public Custom metrics a policy may scale on, as the platform's metrics adapter serves them. */
export const CUSTOM_METRIC_NAMES = [
  'queue_length',
  'db_connections',
  'marketplace_api_latency_ms',
] as const;

/** @public */
export type CustomMetricName = (typeof CUSTOM_METRIC_NAMES)[number];

/** @public Where the HPA reads a custom metric: per pod, from one object, or from outside the cluster. */
export type CustomMetricSource = 'Pods' | 'Object' | 'External';

/** @public Average resource use as a percentage of the pods' requests. */
export interface UtilizationTarget {
  kind: 'cpu' | 'memory';
  /** The percentage the HPA keeps the pods at, 1 to 1000. */
  averageUtilization: number;
  /**
   * The percentage under which the team wants pods removed. Kubernetes has no
   * such field: it becomes scale-down behavior (see `scaleDownBehavior.ts`).
   */
  scaleDownBelow?: number;
}

/** @public HTTP requests per minute per replica, with an optional response-time limit. */
export interface RequestRateTarget {
  kind: 'requests';
  requestsPerMinutePerReplica: number;
  /** The pods' average p95 response time above which more pods are added, in milliseconds. */
  responseTimeLimitMs?: number;
}

interface CustomMetricTargetBase {
  kind: 'custom';
  metric: CustomMetricName;
  /** The target value, in the metric's unit. */
  value: number;
}

/** @public A custom metric every pod reports; the HPA compares the pods' average with `value`. */
export interface PodsCustomMetricTarget extends CustomMetricTargetBase {
  source: 'Pods';
}

/** @public A custom metric describing one object. */
export interface ObjectCustomMetricTarget extends CustomMetricTargetBase {
  source: 'Object';
  /** The object the metric describes; the scaled workload when unset. */
  describedObject?: CrossVersionObjectReference;
  /** Compare the metric divided by the replica count (`AverageValue`) rather than the total (`Value`). */
  perPod: boolean;
}

/** @public A metric from outside the cluster, summed over the series the selector picks. */
export interface ExternalCustomMetricTarget extends CustomMetricTargetBase {
  source: 'External';
  /** Picks the metric's series; every series when unset. */
  selector?: LabelSelector;
  /** Compare the metric divided by the replica count (`AverageValue`) rather than the total (`Value`). */
  perPod: boolean;
}

/** @public */
export type CustomMetricTarget =
  | PodsCustomMetricTarget
  | ObjectCustomMetricTarget
  | ExternalCustomMetricTarget;

/** @public One thing the policy scales on; Kubernetes follows whichever asks for the most replicas. */
export type ScalingTarget =
  | UtilizationTarget
  | RequestRateTarget
  | CustomMetricTarget;

/** @public The kinds of target a policy may list. */
export const SCALING_TARGET_KINDS = [
  'cpu',
  'memory',
  'requests',
  'custom',
] as const;

/** @public Scaling rules of one direction, set by hand rather than derived from the targets. */
export type ScalingRulesOverride = Pick<
  HpaScalingRules,
  'stabilizationWindowSeconds' | 'selectPolicy' | 'policies'
>;

/**
 * @public
 * Explicit HPA behavior. Each field set here wins over the behavior derived
 * from `scaleDownBelow`.
 */
export interface ScalingBehaviorOverride {
  scaleUp?: ScalingRulesOverride;
  scaleDown?: ScalingRulesOverride;
}

/** @public The autoscaling policy of one workload, as a user edits it. */
export interface ScalingPolicy {
  minReplicas: number;
  maxReplicas: number;
  targets: ScalingTarget[];
  behavior?: ScalingBehaviorOverride;
}

/** @public A named policy to start from. */
export interface ScalingPreset {
  name: string;
  description: string;
  policy: ScalingPolicy;
}

/**
 * @public
 * Something wrong with a policy, or something it cannot express. `field` is a
 * path into the policy such as `maxReplicas` or `targets[1].averageUtilization`.
 */
export interface PolicyProblem {
  field: string;
  message: string;
}

/** @public The workload an HPA scales. */
export interface ScaleTargetWorkload {
  kind: 'Deployment' | 'Rollout';
  name: string;
  namespace: string;
  /** Defaults to `apps/v1` for a Deployment and `argoproj.io/v1alpha1` for a Rollout. */
  apiVersion?: string;
}

/** @public The `spec` of an `autoscaling/v2` HorizontalPodAutoscaler. */
export interface HorizontalPodAutoscalerSpec extends HpaSpec {
  scaleTargetRef: CrossVersionObjectReference;
}

/**
 * @public
 * An `autoscaling/v2` HorizontalPodAutoscaler. Objects read from a cluster
 * also carry server-filled metadata and a status, which this suite reads elsewhere.
 */
export interface HorizontalPodAutoscaler {
  apiVersion: 'autoscaling/v2';
  kind: 'HorizontalPodAutoscaler';
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [serverField: string]: unknown;
  };
  spec: HorizontalPodAutoscalerSpec;
  status?: unknown;
}
