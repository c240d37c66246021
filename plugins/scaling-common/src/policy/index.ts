/**
 * The product's scaling policy: the model a user edits, its validation, and
 * its mapping to and from an `autoscaling/v2` HorizontalPodAutoscaler.
 */
export type {
  CustomMetricName,
  CustomMetricSource,
  CustomMetricTarget,
  ExternalCustomMetricTarget,
  HorizontalPodAutoscaler,
  HorizontalPodAutoscalerSpec,
  ObjectCustomMetricTarget,
  PodsCustomMetricTarget,
  PolicyProblem,
  RequestRateTarget,
  ScaleTargetWorkload,
  ScalingBehaviorOverride,
  ScalingPolicy,
  ScalingPreset,
  ScalingRulesOverride,
  ScalingTarget,
  UtilizationTarget,
} from './types';
export { CUSTOM_METRIC_NAMES, SCALING_TARGET_KINDS } from './types';
export {
  CUSTOM_METRICS,
  REQUESTS_PER_MINUTE_METRIC,
  RESPONSE_TIME_METRIC,
} from './metricCatalog';
export type { CustomMetricInfo } from './metricCatalog';
export { DEFAULT_SCALING_PRESETS, mergeScalingPresets } from './presets';
export type { ScalingPresetsResult } from './presets';
export { validatePolicyShape, validateScalingPolicy } from './validatePolicy';
export type { PolicyValidationResult } from './validatePolicy';
export type { ScalingPolicyLimits } from './schema/scalingPolicySchema';
export {
  ANNOTATION_SCALE_DOWN_BELOW,
  LABEL_MANAGED_BY,
  MANAGED_BY_SCALING,
} from './hpaMetadata';
export {
  renderHorizontalPodAutoscaler,
  WORKLOAD_API_VERSIONS,
} from './renderHpa';
export type { RenderHorizontalPodAutoscalerOptions } from './renderHpa';
export { parseHorizontalPodAutoscaler } from './parseHpa';
export type { ParsedScalingPolicy } from './parseHpa';
export { describePolicyMapping } from './describePolicyMapping';
export type { PolicyMappingNote } from './describePolicyMapping';
export { diffHorizontalPodAutoscaler } from './diffHpa';
export type { HpaChange } from './diffHpa';
