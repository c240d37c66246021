/**
 * Types, annotations, permissions and pure logic shared by the MesChain
 * scaling plugins.
 *
 * @packageDocumentation
 */
export * from './annotations';
export * from './permissions';
export * from './types';
export * from './api';
export { DefaultApiClient as ScalingBackendClient } from './schema/openapi';
export type {
  ActiveAlert,
  AnnotationProblem,
  AppliedPredictiveSchedule,
  AutoscalerBounds,
  AutoscalerBoundsRequest,
  AutoscalerBoundsResult,
  AutoscalerCondition,
  AutoscalerMetricState,
  AutoscalerMetricValue,
  AutoscalerScalingPolicy,
  AutoscalerScalingRules,
  ComputeAmounts,
  ContainerImage,
  CostBackfillRequest,
  CostIngestionRun,
  CostIngestionStatus,
  CostIngestionStatus as CostBackfillResult,
  CostWindow,
  DrReadinessSummary,
  EdgeLocation,
  EntityCluster,
  EntityLoadForecast,
  ErrorSummary as ClusterScalingError,
  ErrorSummary as RegionWriteError,
  LoadForecastAccuracy,
  LoadForecastHour,
  MaintenanceWindow,
  PodResourceAmounts,
  PolicyDiffEntry,
  PolicyReplay,
  PolicySimulation,
  PolicySimulationRequest,
  PredictiveScheduleAutoscaler,
  PredictiveScheduleEffect,
  PredictiveScheduleStep,
  PredictiveScheduleView,
  Region,
  RegionCapacity,
  RegionClusterError,
  RegionClusterFacts,
  RegionCost,
  RegionFacts,
  RegionPricing,
  RegionServicePlacement,
  RolloutActionRequest,
  RolloutPauseCondition,
  RolloutRevision,
  ScaleRequest,
  ScaleResult,
  ScheduleReplayFigures,
  ScalingEntityFacts,
  ScalingGuardRails,
  ScalingHistory,
  ScalingHistoryEvent,
  ScalingWorkloadRef,
  ServiceManifestsRequest,
  ServiceManifestsResult,
  TypedResponse,
  WorkloadPodResources,
  WorkloadReplicas,
  WorkloadSelector,
} from './schema/openapi';
export * from './readScalingAnnotations';
export * from './hpa';
export * from './policy';
export * from './rollouts';
export * from './regions';
export * from './cost';
export * from './health';
export * from './alerts';
export * from './fleet';
export * from './reports';
export * from './forecast';
export * from './whatif';
export * from './predictive';
