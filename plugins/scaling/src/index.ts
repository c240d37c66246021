/**
 * See and change how each MesChain service is scaled, where it runs, how it
 * is deployed and what it costs.
 *
 * @packageDocumentation
 */
export {
  scalingPlugin,
  EntityScalingContent,
  EntityScalingOverviewCard,
  EntityDeploymentsContent,
} from './plugin';
export {
  scalingApiRef,
  ScalingClient,
  rolloutsApiRef,
  RolloutsClient,
  costApiRef,
  CostClient,
} from './api';
export type { ScalingApi, RolloutsApi, CostApi } from './api';
export { isScalingAvailable } from './isScalingAvailable';
export { formatCost, lastCompleteDays } from './components/cost/costFormat';
