/**
 * Backend of the MesChain scaling suite.
 *
 * @packageDocumentation
 */
export { scalingPlugin as default } from './plugin';
export { createClusterAuthStrategies } from './services/Clusters';
