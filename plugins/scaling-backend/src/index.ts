/**
 * Backend of the MesChain scaling suite.
 *
 * @packageDocumentation
 */
export { scalingPlugin as default } from './plugin';
