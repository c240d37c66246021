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
  AutoscalerBounds,
  AutoscalerBoundsRequest,
  AutoscalerBoundsResult,
  ComputeAmounts,
  ContainerImage,
  CostBackfillRequest,
  CostIngestionRun,
  CostIngestionStatus,
  CostIngestionStatus as CostBackfillResult,
  CostWindow,
  DrReadinessSummary,
  EdgeLocation,
  ErrorSummary as RegionWriteError,
  PolicyDiffEntry,
  RegionCapacity,
  RegionClusterError,
  RegionClusterFacts,
  RegionCost,
  RegionFacts,
  RegionServicePlacement,
  RolloutActionRequest,
  RolloutPauseCondition,
  RolloutRevision,
  ScaleRequest,
  ScaleResult,
  ScalingGuardRails,
  ScalingHistory,
  ScalingHistoryEvent,
  ScalingWorkloadRef,
  TypedResponse,
} from './schema/openapi';
export * from './readScalingAnnotations';
export * from './hpa';
export * from './policy';
export * from './rollouts';
export * from './regions';
export * from './cost';
