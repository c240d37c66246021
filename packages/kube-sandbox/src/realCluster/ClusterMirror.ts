import type { ObjectStore, ResourceKey } from '../store/types';
import type { ApiServerConnection } from './ApiServerConnection';
import { ResourceReflector, type ReflectorLogger } from './ResourceReflector';
import { StoreMirror } from './StoreMirror';

/**
 * What the load model, the usage sampler and the metrics and cost routes read: pods (usage, by
 * their service's labels), nodes (node metrics, idle cost), Services (object metrics, cost by
 * service), and the workloads and HPAs (`/metrics` gauges, cost by controller).
 */
export const MIRRORED_RESOURCES: readonly {
  resource: ResourceKey;
  path: string;
}[] = [
  { resource: 'nodes', path: '/api/v1/nodes' },
  { resource: 'pods', path: '/api/v1/pods' },
  { resource: 'services', path: '/api/v1/services' },
  { resource: 'deployments.apps', path: '/apis/apps/v1/deployments' },
  { resource: 'replicasets.apps', path: '/apis/apps/v1/replicasets' },
  {
    resource: 'rollouts.argoproj.io',
    path: '/apis/argoproj.io/v1alpha1/rollouts',
  },
  {
    resource: 'horizontalpodautoscalers.autoscaling',
    path: '/apis/autoscaling/v2/horizontalpodautoscalers',
  },
];

/** Keeps a store in step with the `MIRRORED_RESOURCES` of a real cluster, in all namespaces. */
export class ClusterMirror {
  readonly #reflectors: ResourceReflector[];

  private constructor(reflectors: ResourceReflector[]) {
    this.#reflectors = reflectors;
  }

  static start(options: {
    store: ObjectStore;
    connection: ApiServerConnection;
    logger: ReflectorLogger;
  }): ClusterMirror {
    const reflectors = MIRRORED_RESOURCES.map(
      ({ resource, path }) =>
        new ResourceReflector({
          connection: options.connection,
          path,
          sink: new StoreMirror(options.store, resource),
          logger: options.logger,
        }),
    );
    for (const reflector of reflectors) reflector.start();
    return new ClusterMirror(reflectors);
  }

  /** Resolves once every resource has been listed once. */
  get synced(): Promise<void> {
    return Promise.all(this.#reflectors.map(r => r.synced)).then(
      () => undefined,
    );
  }

  async stop(): Promise<void> {
    await Promise.all(this.#reflectors.map(r => r.stop()));
  }
}
