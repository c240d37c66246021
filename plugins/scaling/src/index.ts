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
} from './api';
export type { ScalingApi, RolloutsApi } from './api';
export { isScalingAvailable } from './isScalingAvailable';
