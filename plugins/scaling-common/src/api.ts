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
import type { RolloutActionName } from './rollouts';
import type {
  ErrorSummary,
  PolicyDiffEntry,
  ScalingGuardRails,
} from './schema/openapi';

// The requests and responses the contract describes fully are generated from
// the OpenAPI spec, in `schema/openapi`. These are stricter than the spec: they
// carry the policy model's ScalingPolicy and HorizontalPodAutoscaler, and each
// route's own outcomes where the spec has one enum for both policy routes.

/** @public `GET .../scaling/options` */
export type ScalingOptions = {
  presets: ScalingPreset[];
  guardRails: ScalingGuardRails;
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

/** @public What a policy apply did in one region. */
export type PolicyApplyOutcome = 'created' | 'updated' | 'unchanged' | 'failed';

/** @public A policy apply's result in one region. */
export type PolicyApplyRegionResult = {
  region: string;
  cluster?: string;
  outcome: PolicyApplyOutcome;
  /** As the server returned it; in a dry run, as it would be. */
  hpa?: HorizontalPodAutoscaler;
  /** Against the live HPA; every field is added when there was none. */
  diff?: PolicyDiffEntry[];
  error?: ErrorSummary;
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
  error?: ErrorSummary;
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
  | `rollout.${RolloutActionName}`
  | 'alert-rule.create'
  | 'alert-rule.update'
  | 'alert-rule.delete'
  | 'maintenance-window.create'
  | 'maintenance-window.expire'
  | 'predictive-schedule.apply'
  | 'predictive-schedule.remove'
  | 'predictive-schedule.step';
