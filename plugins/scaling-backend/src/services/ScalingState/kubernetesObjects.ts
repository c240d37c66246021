import type {
  PodMetric,
  V1DeploymentSpec,
  V1DeploymentStatus,
  V2HorizontalPodAutoscaler,
} from '@kubernetes/client-node';
import { KubernetesJson, KubernetesObject, Stored } from '../Clusters';

/**
 * A Deployment or an Argo Rollout: the fields the scaling view reads mean the
 * same in both, but a Rollout's template may live in the Deployment its
 * `workloadRef` names.
 */
export type ScalableWorkloadObject = KubernetesObject & {
  spec?: Partial<KubernetesJson<V1DeploymentSpec>>;
  status?: KubernetesJson<V1DeploymentStatus>;
};

/** A `PodMetrics` of `metrics.k8s.io/v1beta1`, with the pod's labels in its metadata. */
export type PodMetricsObject = KubernetesObject & Pick<PodMetric, 'containers'>;

/** An `autoscaling/v2` HorizontalPodAutoscaler. */
export type HorizontalPodAutoscalerObject = Stored<
  V2HorizontalPodAutoscaler,
  'spec'
>;
