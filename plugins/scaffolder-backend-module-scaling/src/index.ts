/**
 * Scaffolder actions of the MesChain scaling suite: render a new service's
 * scaling, rollout and Kubernetes manifests, apply them to its regions, and
 * publish it where the catalog reads it.
 *
 * @packageDocumentation
 */
export { scaffolderModuleScaling as default } from './module';
