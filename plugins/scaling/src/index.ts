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
  ScalingRegionsPage,
  ScalingCostPage,
  ScalingFleetPage,
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
  alertsApiRef,
  AlertsClient,
  fleetApiRef,
  FleetClient,
} from './api';
export type {
  ScalingApi,
  RolloutsApi,
  RegionsApi,
  CostApi,
  HealthApi,
  AlertsApi,
  FleetApi,
  FleetQuery,
} from './api';
export { isScalingAvailable } from './isScalingAvailable';
export { formatCost, lastCompleteDays } from './components/cost/costFormat';
