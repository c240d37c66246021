import type {
  CrossVersionObjectReference,
  HpaMetricStatus,
  HpaSpec,
} from '@meschain/backstage-plugin-scaling-common';
import type { KubeObject, ObjectMeta } from '../store/types';

/**
 * The fields of the built-in kinds that the controllers read and write. Stored objects are plain
 * `KubeObject`s; these views are cast, not validated (the API layer validates on the way in).
 */

export interface LabelSelectorObject {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

export interface ContainerSpec {
  name: string;
  image?: string;
  resources?: {
    requests?: Record<string, string | number>;
    limits?: Record<string, string | number>;
  };
  [field: string]: unknown;
}

export interface PodTemplate {
  metadata?: {
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [field: string]: unknown;
  };
  spec?: { containers?: ContainerSpec[]; [field: string]: unknown };
}

export type IntOrPercent = number | string;

export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  lastUpdateTime?: string;
  lastProbeTime?: string | null;
}

export interface Deployment extends KubeObject {
  spec: {
    replicas?: number;
    selector: LabelSelectorObject;
    template: PodTemplate;
    strategy?: {
      type?: 'RollingUpdate' | 'Recreate';
      rollingUpdate?: {
        maxSurge?: IntOrPercent;
        maxUnavailable?: IntOrPercent;
      };
    };
    minReadySeconds?: number;
    revisionHistoryLimit?: number;
    progressDeadlineSeconds?: number;
    paused?: boolean;
  };
  status?: {
    observedGeneration?: number;
    replicas?: number;
    updatedReplicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    unavailableReplicas?: number;
    conditions?: Condition[];
    collisionCount?: number;
  };
}

export interface ReplicaSet extends KubeObject {
  spec: {
    replicas?: number;
    minReadySeconds?: number;
    selector: LabelSelectorObject;
    template: PodTemplate;
  };
  status?: {
    replicas: number;
    fullyLabeledReplicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    observedGeneration?: number;
  };
}

export interface PodStatus {
  phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
  conditions?: Condition[];
  hostIP?: string;
  podIP?: string;
  podIPs?: { ip: string }[];
  startTime?: string;
  qosClass?: string;
  containerStatuses?: unknown[];
  [field: string]: unknown;
}

export interface Pod extends KubeObject {
  spec: {
    nodeName?: string;
    containers: ContainerSpec[];
    [field: string]: unknown;
  };
  status?: PodStatus;
}

export interface Node extends KubeObject {
  status?: {
    capacity?: Record<string, string>;
    allocatable?: Record<string, string>;
    addresses?: { type: string; address: string }[];
    conditions?: Condition[];
  };
}

export interface Service extends KubeObject {
  spec: { selector?: Record<string, string>; [field: string]: unknown };
}

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

export interface Rollout extends KubeObject {
  spec: {
    replicas?: number;
    selector: LabelSelectorObject;
    template: PodTemplate;
    minReadySeconds?: number;
    revisionHistoryLimit?: number;
    paused?: boolean;
    restartAt?: string;
    progressDeadlineSeconds?: number;
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

export interface EventObject extends KubeObject {
  involvedObject: {
    apiVersion: string;
    kind: string;
    name: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
  };
  reason: string;
  message: string;
  type: 'Normal' | 'Warning';
  source: { component: string; host?: string };
  firstTimestamp: string;
  lastTimestamp: string;
  count: number;
  eventTime?: string | null;
  reportingComponent?: string;
  reportingInstance?: string;
}

export type { ObjectMeta };
