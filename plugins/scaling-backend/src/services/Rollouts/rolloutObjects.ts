/**
 * The parts of Deployments, Argo Rollouts and ReplicaSets that the rollout
 * view reads and the rollout actions patch, as the API server sends them.
 */
import type {
  V1Deployment,
  V1PodTemplateSpec,
  V1ReplicaSet,
} from '@kubernetes/client-node';
import { KubernetesJson, KubernetesObject, Stored } from '../Clusters';

export type PodTemplate = KubernetesJson<V1PodTemplateSpec>;
export type ReplicaSetObject = Stored<V1ReplicaSet>;
export type DeploymentObject = Stored<V1Deployment, 'spec'>;

export type HeaderRouteObject = {
  name: string;
  match?: Array<{
    headerName: string;
    headerValue: { exact?: string; prefix?: string; regex?: string };
  }>;
};

/** One entry of `spec.strategy.canary.steps`: exactly one key is set. */
export type CanaryStepObject = {
  setWeight?: number;
  pause?: { duration?: string | number };
  setHeaderRoute?: HeaderRouteObject;
  setCanaryScale?: {
    weight?: number;
    replicas?: number;
    matchTrafficWeight?: boolean;
  };
  analysis?: unknown;
  experiment?: unknown;
};

/** An Argo Rollout, which client-node does not know. */
export type RolloutObject = KubernetesObject & {
  spec: Pick<DeploymentObject['spec'], 'replicas' | 'paused' | 'template'> & {
    strategy: {
      canary?: {
        canaryService?: string;
        stableService?: string;
        steps?: CanaryStepObject[];
        trafficRouting?: unknown;
      };
      blueGreen?: {
        activeService: string;
        previewService?: string;
        autoPromotionEnabled?: boolean;
        autoPromotionSeconds?: number;
        scaleDownDelaySeconds?: number;
      };
    };
  };
  status?: {
    phase?: 'Healthy' | 'Progressing' | 'Paused' | 'Degraded';
    message?: string;
    abort?: boolean;
    pauseConditions?: Array<{ reason: string; startTime: string }> | null;
    currentPodHash?: string;
    currentStepIndex?: number;
    stableRS?: string;
    replicas?: number;
    updatedReplicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    canary?: {
      weights?: { canary?: { weight?: number }; stable?: { weight?: number } };
    };
    blueGreen?: { activeSelector?: string; previewSelector?: string };
  };
};

export const DEPLOYMENTS = { apiVersion: 'apps/v1', plural: 'deployments' };
export const ROLLOUTS = {
  apiVersion: 'argoproj.io/v1alpha1',
  plural: 'rollouts',
};
export const REPLICA_SETS = { apiVersion: 'apps/v1', plural: 'replicasets' };

/** The ReplicaSet label both controllers key revisions by. */
export const POD_TEMPLATE_HASH_LABELS = [
  'rollouts-pod-template-hash',
  'pod-template-hash',
];
export const DEPLOYMENT_REVISION = 'deployment.kubernetes.io/revision';
export const ROLLOUT_REVISION = 'rollout.argoproj.io/revision';
/** Argo Rollouts' `DefaultReplicaSetScaleDownDeadlineAnnotationKey`, which has no prefix. */
export const SCALE_DOWN_DEADLINE = 'scale-down-deadline';
