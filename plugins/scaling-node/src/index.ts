/**
 * Extension points of the MesChain scaling backend, so an adopter can plug in
 * its own cluster, cost, metrics or region source without forking it.
 *
 * @packageDocumentation
 */
export * from './extensions';
export * from './types';
export * from './settings';
