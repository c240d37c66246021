/**
 * Inputs and outputs of the HPA algorithm.
 *
 * Spec and status types mirror the `autoscaling/v2` field names, so a
 * HorizontalPodAutoscaler read from a cluster maps onto them directly.
 * Timestamps are milliseconds since the epoch; durations are in seconds, like
 * the controller manager's flags.
 */
import type { Quantity } from './quantity';

/** @public A label selector, as in `metav1.LabelSelector`. */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{
    key: string;
    operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
    values?: string[];
  }>;
}

/** @public Identifies a custom or external metric series. */
export interface MetricIdentifier {
  name: string;
  selector?: LabelSelector;
}

/** @public The object an Object metric describes. */
export interface CrossVersionObjectReference {
  kind: string;
  name: string;
  apiVersion?: string;
}

/**
 * @public
 * What a metric is compared against. As upstream, the field matching `type`
 * is the one read (a Resource metric with `averageValue` set uses it whatever the type).
 */
export interface HpaMetricTarget {
  type: 'Utilization' | 'Value' | 'AverageValue';
  /** Percentage of the pods' requests; Resource metrics only. */
  averageUtilization?: number;
  averageValue?: Quantity;
  value?: Quantity;
}

/** @public The usage of a resource (cpu, memory...) of the selected pods, against their requests. */
export interface ResourceMetricSpec {
  type: 'Resource';
  resource: { name: string; target: HpaMetricTarget };
}

/**
 * @public
 * The usage of a resource by one named container of each selected pod,
 * against that container's request: a sidecar's use cannot hide the main
 * container's.
 */
export interface ContainerResourceMetricSpec {
  type: 'ContainerResource';
  containerResource: {
    name: string;
    container: string;
    target: HpaMetricTarget;
  };
}

/** @public A per-pod custom metric, averaged over the selected pods. */
export interface PodsMetricSpec {
  type: 'Pods';
  pods: { metric: MetricIdentifier; target: HpaMetricTarget };
}

/** @public A custom metric describing one Kubernetes object. */
export interface ObjectMetricSpec {
  type: 'Object';
  object: {
    describedObject: CrossVersionObjectReference;
    metric: MetricIdentifier;
    target: HpaMetricTarget;
  };
}

/** @public A metric from outside the cluster. */
export interface ExternalMetricSpec {
  type: 'External';
  external: { metric: MetricIdentifier; target: HpaMetricTarget };
}

/** @public One entry of `spec.metrics`. */
export type HpaMetricSpec =
  | ResourceMetricSpec
  | ContainerResourceMetricSpec
  | PodsMetricSpec
  | ObjectMetricSpec
  | ExternalMetricSpec;

/** @public A limit on how fast replicas may change within a period. */
export interface HpaScalingPolicy {
  type: 'Pods' | 'Percent';
  value: number;
  periodSeconds: number;
}

/** @public Which policy wins when several apply; `Disabled` stops scaling in that direction. */
export type HpaSelectPolicy = 'Max' | 'Min' | 'Disabled';

/** @public The behavior of one scaling direction (`spec.behavior.scaleUp` or `scaleDown`). */
export interface HpaScalingRules {
  stabilizationWindowSeconds?: number;
  selectPolicy?: HpaSelectPolicy;
  policies?: HpaScalingPolicy[];
  /** Ratio deviation under which no change is made, e.g. `'0.05'`; the controller's tolerance when unset. */
  tolerance?: Quantity;
}

/** @public `spec.behavior`. */
export interface HpaBehavior {
  scaleUp?: HpaScalingRules;
  scaleDown?: HpaScalingRules;
}

/** @public The parts of an `autoscaling/v2` HPA spec the algorithm reads. */
export interface HpaSpec {
  /** Defaults to 1, as the API server sets it. */
  minReplicas?: number;
  maxReplicas: number;
  /** Defaults to 80 % CPU utilization, as the API server sets it. */
  metrics?: HpaMetricSpec[];
  /**
   * Without a behavior the controller uses its legacy rules: the scale-down
   * stabilization window and a scale-up limit of max(2 × current, 4).
   */
  behavior?: HpaBehavior;
}

/**
 * @public
 * Amounts of resources by name. A number is in millicores for `cpu` and in
 * base units (bytes) for every other resource; a string is a quantity such as
 * `'250m'`, exact however large.
 */
export type ResourceAmounts = Readonly<
  Partial<Record<string, number | string>>
>;

/** @public One container of a pod, for ContainerResource metrics. */
export interface ContainerRequests {
  name: string;
  requests: ResourceAmounts;
}

/** @public The lifecycle phase of a pod. */
export type PodPhase =
  | 'Pending'
  | 'Running'
  | 'Succeeded'
  | 'Failed'
  | 'Unknown';

/** @public A pod selected by the scale target's selector. */
export interface PodSample {
  name: string;
  /** Defaults to `Running`. */
  phase?: PodPhase;
  /** True when the pod has a deletion timestamp. */
  deleting?: boolean;
  /** Whether the pod's Ready condition is True; false also when it has none. */
  ready: boolean;
  /** When the Ready condition last changed; defaults to `startTime`. */
  readyTransitionTime?: number;
  /** `status.startTime`; unset while the pod has not started. */
  startTime?: number;
  /** Requests summed over the pod's containers (or the pod-level requests). */
  requests: ResourceAmounts;
  /** Each container's requests; needed only by ContainerResource metrics. */
  containers?: readonly ContainerRequests[];
}

/** @public One pod's sample from the resource metrics API (metrics.k8s.io). */
export interface PodUsageSample {
  /** Usage summed over the pod's containers. A resource left out counts as missing. */
  usage: ResourceAmounts;
  /** Usage by container name; needed only by ContainerResource metrics. */
  containers?: Readonly<Record<string, ResourceAmounts>>;
  /** When the sample was taken; defaults to the evaluation time. */
  timestamp?: number;
  /** The window the sample averages over; defaults to 15 s, metrics-server's resolution. */
  windowSeconds?: number;
}

/** @public Per-pod values of a custom metric (custom.metrics.k8s.io). */
export interface PodsMetricSample {
  metric: MetricIdentifier;
  /** Value by pod name, in the metric's base unit. Pods left out count as missing. */
  values: Readonly<Record<string, Quantity>>;
}

/** @public The value of a custom metric describing one object. */
export interface ObjectMetricSample {
  describedObject: CrossVersionObjectReference;
  metric: MetricIdentifier;
  value: Quantity;
}

/** @public The series an external metric query returned; the HPA adds them up. */
export interface ExternalMetricSample {
  metric: MetricIdentifier;
  values: Quantity[];
}

/**
 * @public
 * What the metrics APIs returned at evaluation time. A sample that is absent
 * makes its metric invalid, as a failed metrics API call does upstream.
 * Samples match a spec by metric name and selector (an absent selector equals
 * an empty one) and, for Object metrics, by the described object's kind and name.
 */
export interface MetricObservations {
  /** Resource usage by pod name. */
  podUsage?: Readonly<Record<string, PodUsageSample>>;
  pods?: PodsMetricSample[];
  object?: ObjectMetricSample[];
  external?: ExternalMetricSample[];
}

/** @public The controller manager settings the algorithm depends on. */
export interface HpaControllerOptions {
  /** `--horizontal-pod-autoscaler-tolerance`. */
  tolerance: number;
  /** `--horizontal-pod-autoscaler-cpu-initialization-period`. */
  cpuInitializationPeriodSeconds: number;
  /** `--horizontal-pod-autoscaler-initial-readiness-delay`. */
  initialReadinessDelaySeconds: number;
  /** `--horizontal-pod-autoscaler-downscale-stabilization`. */
  downscaleStabilizationWindowSeconds: number;
}

/** @public An unstabilized recommendation, kept for the stabilization windows. */
export interface TimestampedRecommendation {
  replicas: number;
  timestamp: number;
}

/** @public A scale change the controller made, kept for the rate-limiting policies. */
export interface TimestampedScaleEvent {
  /** Size of the change, always positive. */
  replicaChange: number;
  timestamp: number;
  /** Older than every policy period when last checked, so its slot may be reused. */
  outdated: boolean;
}

/**
 * @public
 * The memory the controller keeps between evaluations of one HPA. Plain data,
 * so it can be stored and replayed.
 */
export interface HpaHistory {
  recommendations: TimestampedRecommendation[];
  scaleUpEvents: TimestampedScaleEvent[];
  scaleDownEvents: TimestampedScaleEvent[];
}

/** @public The current value of a metric, as in `MetricValueStatus`. */
export interface MetricValueStatus {
  value?: string;
  averageValue?: string;
  averageUtilization?: number;
}

/**
 * @public
 * One entry of `status.currentMetrics`. A metric that could not be computed is
 * reported with an empty type, as upstream does.
 */
export type HpaMetricStatus =
  | { type: 'Resource'; resource: { name: string; current: MetricValueStatus } }
  | {
      type: 'ContainerResource';
      containerResource: {
        name: string;
        container: string;
        current: MetricValueStatus;
      };
    }
  | {
      type: 'Pods';
      pods: { metric: MetricIdentifier; current: MetricValueStatus };
    }
  | {
      type: 'Object';
      object: {
        describedObject: CrossVersionObjectReference;
        metric: MetricIdentifier;
        current: MetricValueStatus;
      };
    }
  | {
      type: 'External';
      external: { metric: MetricIdentifier; current: MetricValueStatus };
    }
  | { type: '' };

/** @public The condition types of an HPA status. */
export type HpaConditionType =
  | 'AbleToScale'
  | 'ScalingActive'
  | 'ScalingLimited';

/** @public One entry of `status.conditions`. */
export interface HpaCondition {
  type: HpaConditionType;
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
  lastTransitionTime: number;
}
