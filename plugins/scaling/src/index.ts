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
} from './plugin';
export { scalingApiRef, ScalingClient } from './api';
export type { ScalingApi } from './api';
export { isScalingAvailable } from './isScalingAvailable';
