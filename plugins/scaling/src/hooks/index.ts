export { useEntityScalingFacts } from './useEntityScalingFacts';
export { useEntityScalingState } from './useEntityScalingState';
export { useScalingActions } from './useScalingActions';
export { useScalingHistory, SCALING_HISTORY_LIMIT } from './useScalingHistory';
export { useScalingOptions } from './useScalingOptions';
export { useScalingPermissions } from './useScalingPermissions';
export type { ScalingControlAccess } from './useScalingPermissions';
export { useEntityRollouts } from './useEntityRollouts';
export { useRolloutAction } from './useRolloutAction';
export { useRolloutPermission } from './useRolloutPermission';
export { useSecondsUntil } from './useSecondsUntil';
export { useRegionsOverview } from './useRegionsOverview';
export { useEntityRegions } from './useEntityRegions';
export { useEntityReload } from './useEntityReload';
export { useLiveRead } from './useLiveRead';
export type { LiveReadOptions, LiveReadState } from './useLiveRead';
export { announceWrite } from './writeSignal';
export {
  useEntityCost,
  useEntityCostEfficiency,
  useEntityCostRecommendations,
  useTeamCost,
  useOrgCost,
} from './useCost';
export { useEntityHealth, useHealthChecks } from './useEntityHealth';
export {
  useActiveAlerts,
  useAlertRules,
  useAlertsActions,
  useAlertsPermissions,
  useMaintenanceWindows,
} from './useEntityAlerts';
export { useLoadForecast, usePredictiveSchedule } from './usePredictiveScaling';
