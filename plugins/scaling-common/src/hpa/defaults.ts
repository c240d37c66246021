/**
 * The defaults a real cluster applies before the HPA algorithm runs: the
 * controller manager's flags and the API server's defaulting of
 * `autoscaling/v2` objects (`SetDefaults_HorizontalPodAutoscaler`).
 */
import type {
  HpaBehavior,
  HpaControllerOptions,
  HpaMetricSpec,
  HpaScalingPolicy,
  HpaScalingRules,
  HpaSelectPolicy,
  HpaSpec,
} from './types';

/** @public `--horizontal-pod-autoscaler-sync-period`: how often the controller evaluates each HPA. */
export const HPA_SYNC_PERIOD_SECONDS = 15;

/** @public The controller manager's defaults. */
export const DEFAULT_HPA_CONTROLLER_OPTIONS: Readonly<HpaControllerOptions> = {
  tolerance: 0.1,
  cpuInitializationPeriodSeconds: 300,
  initialReadinessDelaySeconds: 30,
  downscaleStabilizationWindowSeconds: 300,
};

/** @public The target the API server gives an HPA that lists no metrics. */
export const DEFAULT_CPU_TARGET_UTILIZATION = 80;

/** @public Scale-up rules the API server fills in: the larger of +4 pods or +100 % per 15 s, no stabilization. */
export const DEFAULT_SCALE_UP_RULES: Readonly<HpaScalingRules> = {
  stabilizationWindowSeconds: 0,
  selectPolicy: 'Max',
  policies: [
    { type: 'Pods', value: 4, periodSeconds: 15 },
    { type: 'Percent', value: 100, periodSeconds: 15 },
  ],
};

/**
 * @public
 * Scale-down rules the API server fills in: up to 100 % per 15 s. The window
 * is left unset on purpose: the controller fills it from its
 * `--horizontal-pod-autoscaler-downscale-stabilization` flag.
 */
export const DEFAULT_SCALE_DOWN_RULES: Readonly<HpaScalingRules> = {
  selectPolicy: 'Max',
  policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
};

/** @public A spec after the API server's defaulting. */
export interface DefaultedHpaSpec {
  minReplicas: number;
  maxReplicas: number;
  metrics: HpaMetricSpec[];
  behavior?: HpaBehavior;
}

function withDefaults(
  rules: HpaScalingRules | undefined,
  defaults: Readonly<HpaScalingRules>,
): HpaScalingRules {
  const setFields = Object.entries(rules ?? {}).filter(
    ([, value]) => value !== undefined,
  );
  return { ...defaults, ...Object.fromEntries(setFields) };
}

/** @public Fills the unset fields of scale-up rules (upstream `GenerateHPAScaleUpRules`). */
export function withScaleUpDefaults(rules?: HpaScalingRules): HpaScalingRules {
  return withDefaults(rules, DEFAULT_SCALE_UP_RULES);
}

/** @public Fills the unset fields of scale-down rules (upstream `GenerateHPAScaleDownRules`). */
export function withScaleDownDefaults(
  rules?: HpaScalingRules,
): HpaScalingRules {
  return withDefaults(rules, DEFAULT_SCALE_DOWN_RULES);
}

/** @public Scaling rules for one direction with every field decided. */
export interface ResolvedScalingRules {
  stabilizationWindowSeconds: number;
  selectPolicy: HpaSelectPolicy;
  policies: HpaScalingPolicy[];
}

/** @public A behavior as the controller applies it. */
export interface ResolvedBehavior {
  scaleUp: ResolvedScalingRules;
  scaleDown: ResolvedScalingRules;
}

function resolveRules(
  rules: HpaScalingRules,
  stabilizationWindowSeconds: number,
): ResolvedScalingRules {
  return {
    stabilizationWindowSeconds:
      rules.stabilizationWindowSeconds ?? stabilizationWindowSeconds,
    selectPolicy: rules.selectPolicy ?? 'Max',
    policies: rules.policies ?? [],
  };
}

/**
 * @public
 * The behavior the controller acts on: the API server's defaults, then the
 * controller's own downscale stabilization window where the spec sets none.
 */
export function resolveBehavior(
  behavior: HpaBehavior,
  downscaleStabilizationWindowSeconds: number,
): ResolvedBehavior {
  return {
    scaleUp: resolveRules(withScaleUpDefaults(behavior.scaleUp), 0),
    scaleDown: resolveRules(
      withScaleDownDefaults(behavior.scaleDown),
      downscaleStabilizationWindowSeconds,
    ),
  };
}

/**
 * @public
 * Applies the API server's defaults: `minReplicas` 1, a CPU target of 80 %
 * when no metric is listed, and, only when a behavior is given, every unset
 * field of its scale-up and scale-down rules.
 */
export function applyHpaSpecDefaults(spec: HpaSpec): DefaultedHpaSpec {
  const metrics: HpaMetricSpec[] = spec.metrics?.length
    ? spec.metrics
    : [
        {
          type: 'Resource',
          resource: {
            name: 'cpu',
            target: {
              type: 'Utilization',
              averageUtilization: DEFAULT_CPU_TARGET_UTILIZATION,
            },
          },
        },
      ];
  return {
    minReplicas: spec.minReplicas ?? 1,
    maxReplicas: spec.maxReplicas,
    metrics,
    behavior: spec.behavior && {
      scaleUp: withScaleUpDefaults(spec.behavior.scaleUp),
      scaleDown: withScaleDownDefaults(spec.behavior.scaleDown),
    },
  };
}
