import type {
  CoreV1Event,
  IntOrString,
  V1Container,
  V1Deployment,
  V1DeploymentCondition,
  V1LabelSelector,
  V1Node,
  V1Pod,
  V1PodCondition,
  V1PodTemplateSpec,
  V1ReplicaSet,
  V1Service,
} from '@kubernetes/client-node';
import type {
  CrossVersionObjectReference,
  HpaMetricStatus,
  HpaSpec,
} from '@meschain/backstage-plugin-scaling-common';
import type { Json, KubeObject, ObjectMeta } from '../store/types';

/**
 * The built-in kinds the controllers read and write, as `@kubernetes/client-node` types them.
 * Stored objects are plain `KubeObject`s; these views are cast, not validated (the API layer
 * validates on the way in).
 */

/** A stored object of a kind, with the `Present` fields that kind always has. */
type Stored<T, Present extends keyof T = never> = KubeObject &
  Json<Omit<T, 'apiVersion' | 'kind' | 'metadata'>> & {
    [K in Present]-?: NonNullable<Json<T[K]>>;
  };

export type LabelSelectorObject = V1LabelSelector;
export type ContainerSpec = Json<V1Container>;
export type PodTemplate = Json<V1PodTemplateSpec>;
export type IntOrPercent = IntOrString;

/** The fields of any kind's condition: pods and nodes probe, workloads update. */
export type Condition = Json<V1DeploymentCondition & V1PodCondition>;

export type Deployment = Stored<V1Deployment, 'spec'>;
/** The API layer refuses a ReplicaSet without a template, as the API server does. */
export type ReplicaSet = Stored<V1ReplicaSet, 'spec'> & {
  spec: { template: PodTemplate };
};
export type Pod = Stored<V1Pod, 'spec'>;
export type Node = Stored<V1Node>;
export type Service = Stored<V1Service, 'spec'>;
export type EventObject = Stored<CoreV1Event>;

export interface HorizontalPodAutoscaler extends KubeObject {
  spec: HpaSpec & { scaleTargetRef: CrossVersionObjectReference };
  status?: {
    observedGeneration?: number;
    lastScaleTime?: string;
    currentReplicas?: number;
    desiredReplicas?: number;
    currentMetrics?: HpaMetricStatus[] | null;
    conditions?: Condition[];
  };
}

export interface CanaryStep {
  setWeight?: number;
  pause?: { duration?: number | string };
  setCanaryScale?: {
    weight?: number;
    replicas?: number;
    matchTrafficWeight?: boolean;
  };
  setHeaderRoute?: {
    name?: string;
    match?: { headerName: string; headerValue: Record<string, string> }[];
  };
  [other: string]: unknown;
}

export interface PauseCondition {
  reason:
    | 'CanaryPauseStep'
    | 'BlueGreenPause'
    | 'InconclusiveAnalysisRun'
    | 'InconclusiveExperiment';
  startTime: string;
}

export interface WeightDestination {
  weight: number;
  serviceName?: string;
  podTemplateHash?: string;
}

/** An Argo Rollout, which client-node does not know: its spec shares a Deployment's fields. */
export interface Rollout extends KubeObject {
  spec: Pick<
    Deployment['spec'],
    | 'replicas'
    | 'selector'
    | 'template'
    | 'minReadySeconds'
    | 'revisionHistoryLimit'
    | 'paused'
    | 'progressDeadlineSeconds'
  > & {
    restartAt?: string;
    /** A rollback to one of the last `revisions` revisions before the stable one skips the steps. */
    rollbackWindow?: { revisions?: number };
    strategy: {
      canary?: {
        canaryService?: string;
        stableService?: string;
        steps?: CanaryStep[];
        trafficRouting?: Record<string, unknown> & {
          maxTrafficWeight?: number;
        };
        maxSurge?: IntOrPercent;
        maxUnavailable?: IntOrPercent;
        scaleDownDelaySeconds?: number;
        abortScaleDownDelaySeconds?: number;
      };
      blueGreen?: {
        activeService: string;
        previewService?: string;
        previewReplicaCount?: number;
        autoPromotionEnabled?: boolean;
        autoPromotionSeconds?: number;
        scaleDownDelaySeconds?: number;
        abortScaleDownDelaySeconds?: number;
        maxUnavailable?: IntOrPercent;
      };
    };
  };
  status?: RolloutStatus;
}

export interface RolloutStatus {
  abort?: boolean;
  abortedAt?: string;
  pauseConditions?: PauseCondition[] | null;
  controllerPause?: boolean;
  currentPodHash?: string;
  currentStepHash?: string;
  currentStepIndex?: number;
  replicas?: number;
  updatedReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  HPAReplicas?: number;
  selector?: string;
  stableRS?: string;
  restartedAt?: string;
  promoteFull?: boolean;
  observedGeneration?: string;
  phase?: 'Healthy' | 'Degraded' | 'Progressing' | 'Paused';
  message?: string;
  conditions?: Condition[];
  canary?: {
    weights?: { canary: WeightDestination; stable: WeightDestination };
  };
  blueGreen?: {
    activeSelector?: string;
    previewSelector?: string;
    scaleUpPreviewCheckPoint?: boolean;
  };
  collisionCount?: number;
}

export type { ObjectMeta };
