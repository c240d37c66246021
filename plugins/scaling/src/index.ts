/**
 * See and change how each MesChain service is scaled, where it runs, how it
 * is deployed and what it costs.
 *
 * @packageDocumentation
 */
export {
  scalingPlugin,
  EntityScalingContent,
  EntityDeploymentsContent,
  EntityCostContent,
  EntityHealthContent,
  EntityScalingOverviewCard,
  EntityRegionsCard,
  EntityGroupCostCard,
  EntityGroupScalingContent,
  ScalingRegionsPage,
  ScalingCostPage,
  ScalingFleetPage,
  ScalingReportsPage,
  HomePageScalingFleetSummary,
  HomePageScalingOwnedServices,
} from './plugin';
export {
  scalingApiRef,
  ScalingClient,
  rolloutsApiRef,
  RolloutsClient,
  regionsApiRef,
  RegionsClient,
  costApiRef,
  CostClient,
  healthApiRef,
  HealthClient,
  predictiveApiRef,
  PredictiveClient,
  alertsApiRef,
  AlertsClient,
  fleetApiRef,
  FleetClient,
  reportsApiRef,
  ReportsClient,
} from './api';
export type {
  ScalingApi,
  RolloutsApi,
  RegionsApi,
  CostApi,
  HealthApi,
  PredictiveApi,
  AlertsApi,
  FleetApi,
  FleetQuery,
  ReportsApi,
  ReportDownload,
} from './api';
export { isScalingAvailable } from './isScalingAvailable';
export { ReportsCard, EntityReportsCard } from './components/Reports';
export { formatCost, lastCompleteDays } from './components/cost/costFormat';
