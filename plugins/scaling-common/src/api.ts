/**
 * Requests and responses of the scaling backend's write, options and history
 * routes, under `/api/scaling/entities/{kind}/{namespace}/{name}`.
 */
import type {
  HorizontalPodAutoscaler,
  PolicyProblem,
  ScalingPolicy,
  ScalingPreset,
} from './policy';
import type { ScalableWorkloadKind } from './types';
import type { RolloutActionName } from './rollouts';

// Types rather than interfaces, so that they satisfy the index signatures of
// the OpenAPI router's request and response types.

/** @public The workload a write acts on, in one cluster. */
export type ScalingWorkloadRef = {
  kind: ScalableWorkloadKind;
  namespace: string;
  name: string;
};

/** @public The guard-rails that apply to one entity. */
export type ScalingGuardRails = {
  /** The most replicas a workload or HPA of the entity may ask for. */
  maxReplicas: number;
  /** The entity's tier, when it has one and config sets a limit for it. */
  tier?: string;
  /** Regions writes may target; empty when config allows every region. */
  allowedRegions: string[];
  /** Whether the caller holds `scaling.replicas.zero` for the entity. */
  scaleToZeroAllowed: boolean;
};

/** @public `GET .../scaling/options` */
export type ScalingOptions = {
  presets: ScalingPreset[];
  guardRails: ScalingGuardRails;
};

/** @public `POST .../scale` */
export type ScaleRequest = {
  cluster: string;
  workload: ScalingWorkloadRef;
  replicas: number;
  /** The workload's `resourceVersion` as it was read; a stale one gives 409. */
  resourceVersion: string;
};

/** @public Response of `POST .../scale`. */
export type ScaleResult = {
  cluster: string;
  region: string;
  workload: ScalingWorkloadRef;
  before: number;
  after: number;
};

/** @public `POST .../autoscaler-bounds` */
export type AutoscalerBoundsRequest = {
  cluster: string;
  workload: ScalingWorkloadRef;
  minReplicas: number;
  maxReplicas: number;
};

/** @public Minimum and maximum replicas of an HPA. */
export type AutoscalerBounds = {
  min: number;
  max: number;
};

/** @public Response of `POST .../autoscaler-bounds`. */
export type AutoscalerBoundsResult = {
  cluster: string;
  region: string;
  /** Name of the HPA that was changed. */
  hpa: string;
  before: AutoscalerBounds;
  after: AutoscalerBounds;
};

/** @public Selects all of the entity's regions in `regions`. */
export const ALL_REGIONS = '*';

/** @public `POST .../policy` */
export type PolicyApplyRequest = {
  /** Region ids, or `['*']` for all of the entity's regions. */
  regions: string[];
  policy: ScalingPolicy;
  /** Server-side `dryRun=All`: render and diff, change nothing. */
  dryRun?: boolean;
};

/** @public Why one region's part of a write failed, in `@backstage/errors` terms. */
export type RegionWriteError = {
  name: string;
  message: string;
};

/** @public What a policy apply did in one region. */
export type PolicyApplyOutcome = 'created' | 'updated' | 'unchanged' | 'failed';

/** @public One field a policy apply changes (the shape of `HpaChange`). */
export type PolicyDiffEntry = {
  /** e.g. `spec.metrics[0].resource.target.averageUtilization`. */
  path: string;
  /** Undefined for an added field. */
  before?: unknown;
  /** Undefined for a removed field. */
  after?: unknown;
};

/** @public A policy apply's result in one region. */
export type PolicyApplyRegionResult = {
  region: string;
  cluster?: string;
  outcome: PolicyApplyOutcome;
  /** As the server returned it; in a dry run, as it would be. */
  hpa?: HorizontalPodAutoscaler;
  /** Against the live HPA; every field is added when there was none. */
  diff?: PolicyDiffEntry[];
  error?: RegionWriteError;
};

/** @public Response of `POST .../policy`. */
export type PolicyApplyResult = {
  dryRun: boolean;
  results: PolicyApplyRegionResult[];
};

/** @public Body of a 400 from `POST .../policy` when the policy is invalid. */
export type PolicyRejection = {
  error: { name: 'InputError'; message: string };
  problems: PolicyProblem[];
};

/** @public What a policy delete did in one region. */
export type PolicyDeleteOutcome = 'deleted' | 'absent' | 'failed';

/** @public A policy delete's result in one region. */
export type PolicyDeleteRegionResult = {
  region: string;
  cluster?: string;
  outcome: PolicyDeleteOutcome;
  error?: RegionWriteError;
};

/** @public Response of `DELETE .../policy?regions=...`. */
export type PolicyDeleteResult = {
  results: PolicyDeleteRegionResult[];
};

/** @public The writes the suite audits. */
export type ScalingAction =
  | 'replicas.scale'
  | 'autoscaler.bounds'
  | 'policy.apply'
  | 'policy.delete'
  | `rollout.${RolloutActionName}`;

/** @public How an audited write ended; `pending` until the cluster answered. */
export type ScalingActionOutcome =
  | 'pending'
  | 'succeeded'
  | 'failed'
  | 'denied';

/** @public One entry of an entity's scaling history. */
export type ScalingHistoryEvent = {
  id: string;
  /** `suite` for the audit trail, `cluster` for the HPA's own events. */
  source: 'suite' | 'cluster';
  /** ISO 8601. */
  time: string;
  region?: string;
  cluster?: string;
  workload?: ScalingWorkloadRef;
  /** A {@link ScalingAction}, or the cluster event's reason such as `SuccessfulRescale`. */
  action: string;
  /** Entity ref of the user, for suite events. */
  actor?: string;
  /** The user does not own the service and acted as an admin (`scaling.admin`). */
  asAdmin?: boolean;
  outcome?: ScalingActionOutcome;
  before?: unknown;
  after?: unknown;
  message?: string;
};

/** @public `GET .../history?limit=50`: newest first. */
export type ScalingHistory = {
  events: ScalingHistoryEvent[];
};
