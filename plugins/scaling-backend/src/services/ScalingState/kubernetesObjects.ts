/**
 * The parts of Kubernetes objects the scaling view reads, as the API server
 * sends them (quantities are strings such as `250m` or `512Mi`).
 */
import { KubernetesObject } from '../Clusters';

export type LabelSelectorRequirement = {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: string[];
};

/** `metav1.LabelSelector`. */
export type LabelSelector = {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
};

/** Resource amounts by name, e.g. `{ cpu: '250m', memory: '512Mi' }`. */
export type ResourceList = Partial<Record<string, string>>;

type Resources = { requests?: ResourceList };

export type PodSpec = {
  containers?: Array<{ name: string; image?: string; resources?: Resources }>;
  /** Pod-level resources; when set, they replace the containers' sum. */
  resources?: Resources;
};

/** A Deployment or an Argo Rollout: both have these fields with the same meaning. */
export type ScalableWorkloadObject = KubernetesObject & {
  spec?: {
    replicas?: number;
    selector?: LabelSelector;
    template?: {
      metadata?: { labels?: Record<string, string> };
      spec?: PodSpec;
    };
  };
  status?: {
    replicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    updatedReplicas?: number;
  };
};

/** A `PodMetrics` of `metrics.k8s.io/v1beta1`. */
export type PodMetricsObject = KubernetesObject & {
  containers?: Array<{ name: string; usage?: ResourceList }>;
};

export type MetricValue = {
  value?: string;
  averageValue?: string;
  averageUtilization?: number;
};

/**
 * The source block of a metric spec or status entry (`resource`, `pods`,
 * `object`...). Which fields are set depends on the metric type.
 */
export type MetricSource = {
  /** Resource and ContainerResource metrics. */
  name?: string;
  container?: string;
  /** Pods, Object and External metrics. */
  metric?: { name: string; selector?: LabelSelector };
  describedObject?: { apiVersion?: string; kind: string; name: string };
  target?: MetricValue & { type: 'Utilization' | 'Value' | 'AverageValue' };
  current?: MetricValue;
};

export type MetricType =
  | 'Resource'
  | 'ContainerResource'
  | 'Pods'
  | 'Object'
  | 'External';

/** One entry of an HPA's `spec.metrics` or `status.currentMetrics`. */
export type HpaMetric = {
  /** Empty in a status entry whose metric the controller could not compute. */
  type: MetricType | '';
  resource?: MetricSource;
  containerResource?: MetricSource;
  pods?: MetricSource;
  object?: MetricSource;
  external?: MetricSource;
};

export type HpaScalingRules = {
  stabilizationWindowSeconds?: number;
  selectPolicy?: 'Max' | 'Min' | 'Disabled';
  policies?: Array<{
    type: 'Pods' | 'Percent';
    value: number;
    periodSeconds: number;
  }>;
  tolerance?: string | number;
};

/** An `autoscaling/v2` HorizontalPodAutoscaler. */
export type HorizontalPodAutoscalerObject = KubernetesObject & {
  spec: {
    scaleTargetRef: { apiVersion?: string; kind: string; name: string };
    minReplicas?: number;
    maxReplicas: number;
    metrics?: HpaMetric[];
    behavior?: { scaleUp?: HpaScalingRules; scaleDown?: HpaScalingRules };
  };
  status?: {
    currentReplicas?: number;
    desiredReplicas?: number;
    lastScaleTime?: string;
    currentMetrics?: HpaMetric[];
    conditions?: Array<{
      type: string;
      status: 'True' | 'False' | 'Unknown';
      reason?: string;
      message?: string;
      lastTransitionTime?: string;
    }>;
  };
};
