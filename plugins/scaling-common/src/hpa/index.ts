/**
 * The Kubernetes HorizontalPodAutoscaler algorithm as pure functions, shared
 * by the kube-sandbox's HPA controller and the what-if simulator.
 */
export { computeHpaRecommendation } from './autoscaler';
export type { HpaEvaluationInput, HpaRecommendation } from './autoscaler';
export {
  applyHpaSpecDefaults,
  DEFAULT_CPU_TARGET_UTILIZATION,
  DEFAULT_HPA_CONTROLLER_OPTIONS,
  DEFAULT_SCALE_DOWN_RULES,
  DEFAULT_SCALE_UP_RULES,
  HPA_SYNC_PERIOD_SECONDS,
  resolveBehavior,
  withScaleDownDefaults,
  withScaleUpDefaults,
} from './defaults';
export type {
  DefaultedHpaSpec,
  ResolvedBehavior,
  ResolvedScalingRules,
} from './defaults';
export {
  formatMilliQuantity,
  MAX_INT64,
  parseQuantity,
  quantityToMilli,
  quantityToMilliValue,
  resourceAmountToMilli,
} from './quantity';
export type { Quantity } from './quantity';
export { tolerancesForBehavior } from './tolerances';
export type { Tolerances } from './tolerances';
export type * from './types';
