/**
 * The contract of the scaling backend's deployment-strategy routes, under
 * `/api/scaling/entities/{kind}/{namespace}/{name}`:
 *
 * - `GET .../rollouts` answers an {@link EntityRolloutState}: every Argo
 *   Rollout and Deployment of the entity in each cluster of its regions. A
 *   cluster that cannot be read carries an `error` instead of `workloads`.
 * - `POST .../rollouts/actions` takes a {@link RolloutActionRequest} and
 *   answers a {@link RolloutActionResult}. It needs `scaling.rollout.manage`
 *   on the entity (403 otherwise) and is audited in the entity's history as
 *   `rollout.<action>`. Errors, each leaving the cluster unchanged:
 *   - 400 `InputError`: a malformed body, or an action the workload's kind
 *     does not support (`pause` on a Rollout, `promote` on a Deployment);
 *   - 404 `NotFoundError`: an unknown cluster, workload, container or
 *     `revision`;
 *   - 409 `ConflictError`: an action that does not apply to the workload's
 *     current state, with the reason (`promote` when nothing is paused,
 *     `retry` when nothing was aborted, `undo` to the current revision).
 *
 * Errors use Backstage's body `{ error: { name, message } }`.
 */
import type { RegionRole } from '../types';
import type {
  ContainerImage,
  RolloutActionRequestActionEnum,
  RolloutPauseCondition,
  RolloutRevision,
  ScalingWorkloadRef,
  WorkloadRolloutStatePhaseEnum,
} from '../schema/openapi';

// The request and the revisions are generated from the OpenAPI spec. These are
// stricter than the spec, which gives a workload's `canary`, `blueGreen` and
// `deployment` as open objects and an action snapshot's `phase` as any string.

/**
 * @public
 * What a user can do to a rollout. Rollouts take `promote`, `promote-full`,
 * `abort`, `retry`, `restart`, `undo` and `set-image`; Deployments take
 * `restart`, `pause`, `resume`, `undo` and `set-image`.
 */
export type RolloutActionName = RolloutActionRequestActionEnum;

/** @public Every {@link RolloutActionName}. */
export const ROLLOUT_ACTION_NAMES: readonly RolloutActionName[] = [
  'promote',
  'promote-full',
  'abort',
  'retry',
  'restart',
  'pause',
  'resume',
  'undo',
  'set-image',
];

/**
 * @public
 * Argo Rollouts' `status.phase`; a Deployment's is derived from its
 * conditions and counts the same way (`Paused` when `spec.paused`).
 */
export type RolloutPhase = WorkloadRolloutStatePhaseEnum;

/** @public How one header is matched by an A/B header route. */
export type HeaderRouteMatch = {
  headerName: string;
  headerValue: { exact?: string; prefix?: string; regex?: string };
};

/** @public A named header route sending matching requests to the canary. */
export type HeaderRoute = {
  name: string;
  /** Absent when the step removes the route. */
  match?: HeaderRouteMatch[];
};

/** @public What a canary step does, as `spec.strategy.canary.steps[i]` says. */
export type CanaryStepKind =
  | 'setWeight'
  | 'pause'
  | 'setHeaderRoute'
  | 'setCanaryScale'
  | 'analysis'
  | 'experiment'
  | 'other';

/** @public One canary step, and whether the rollout has passed it. */
export type CanaryStep = {
  index: number;
  kind: CanaryStepKind;
  /** `setWeight`: percent of traffic for the canary. */
  weight?: number;
  /** `pause`: its duration; absent for a pause that waits for a promote. */
  pauseSeconds?: number;
  /** `setHeaderRoute`. */
  headerRoute?: HeaderRoute;
  /** `setCanaryScale`. */
  canaryScale?: {
    weight?: number;
    replicas?: number;
    matchTrafficWeight?: boolean;
  };
  state: 'completed' | 'current' | 'pending';
};

/** @public The state of the analysis run of the current step or revision. */
export type RolloutAnalysisStatus = {
  name?: string;
  /** e.g. `Running`, `Successful`, `Failed`, `Inconclusive`. */
  phase: string;
  message?: string;
};

/** @public A canary's steps and traffic. */
export type CanaryRolloutState = {
  steps: CanaryStep[];
  /** `status.currentStepIndex`; equals `steps.length` once every step is done. */
  currentStepIndex?: number;
  /** The weight the current steps ask for. */
  setWeight: number;
  /** The weight the canary actually receives. */
  actualWeight: number;
  stableService?: string;
  canaryService?: string;
  /** Header routes in force now (A/B), from the steps passed so far. */
  headerRoutes: HeaderRoute[];
  analysis?: RolloutAnalysisStatus;
};

/** @public One side of a blue-green rollout. */
export type BlueGreenSide = {
  service: string;
  /** The pod-template-hash the service selects; absent before the controller set it. */
  podTemplateHash?: string;
  revision?: number;
  images: ContainerImage[];
};

/** @public A blue-green rollout's active and preview sides. */
export type BlueGreenRolloutState = {
  active: BlueGreenSide;
  /** Absent when the rollout has no preview service. */
  preview?: BlueGreenSide;
  autoPromotionEnabled: boolean;
  autoPromotionSeconds?: number;
  scaleDownDelaySeconds: number;
  /**
   * RFC 3339: when the previously active ReplicaSet is scaled down (its
   * `scale-down-deadline` annotation).
   */
  scaleDownDeadline?: string;
  analysis?: RolloutAnalysisStatus;
};

/** @public A Deployment's rolling-update settings and progress. */
export type DeploymentRolloutProgress = {
  strategyType: 'RollingUpdate' | 'Recreate';
  /** As in the spec: a count or a percentage such as `25%`. */
  maxSurge?: number | string;
  maxUnavailable?: number | string;
  paused: boolean;
  desired: number;
  updated: number;
  ready: number;
  available: number;
  /** The `Progressing` condition. */
  progressing?: {
    status: 'True' | 'False' | 'Unknown';
    reason?: string;
    message?: string;
    lastUpdateTime?: string;
  };
};

/** @public A Rollout's or Deployment's rollout state in one cluster. */
export type WorkloadRolloutState = {
  kind: ScalingWorkloadRef['kind'];
  apiVersion: string;
  name: string;
  namespace: string;
  resourceVersion: string;
  /** `ab` is a canary whose steps set header routes. */
  strategy: 'rolling' | 'recreate' | 'canary' | 'blue-green' | 'ab';
  phase: RolloutPhase;
  message?: string;
  /** Rollouts: `spec.paused` or any pause condition; Deployments: `spec.paused`. */
  paused: boolean;
  pauseConditions: RolloutPauseCondition[];
  /** Rollouts: `status.abort`. */
  aborted: boolean;
  /** The images the stable (or Deployment's available) revision runs. */
  stableImages: ContainerImage[];
  /** The images the spec asks for, when they differ from the stable ones. */
  canaryImages?: ContainerImage[];
  currentRevision?: number;
  /** Newest first. */
  revisions: RolloutRevision[];
  canary?: CanaryRolloutState;
  blueGreen?: BlueGreenRolloutState;
  deployment?: DeploymentRolloutProgress;
  /** The actions that apply now; the others are refused with 409 (or 400 for the wrong kind). */
  availableActions: RolloutActionName[];
};

/** @public An entity's rollouts in one cluster, or why they could not be read. */
export type ClusterRolloutState = {
  /** Absent when no cluster serves the region. */
  cluster?: string;
  region: string;
  role?: RegionRole;
  /** RFC 3339. */
  observedAt?: string;
  workloads?: WorkloadRolloutState[];
  error?: { name: string; message: string };
};

/** @public `GET .../rollouts` */
export type EntityRolloutState = {
  entityRef: string;
  /** In the order of the entity's regions. */
  clusters: ClusterRolloutState[];
};

/** @public What an action saw and left, as the workload read before and after the patch. */
export type RolloutActionSnapshot = {
  phase?: RolloutPhase;
  paused: boolean;
  aborted: boolean;
  currentStepIndex?: number;
  images: ContainerImage[];
};

/** @public Response of `POST .../rollouts/actions`. */
export type RolloutActionResult = {
  cluster: string;
  region: string;
  workload: ScalingWorkloadRef;
  action: RolloutActionName;
  before: RolloutActionSnapshot;
  after: RolloutActionSnapshot;
};
