import { LoggerService } from '@backstage/backend-plugin-api';
import { ClusterDirectory, KubernetesClients } from '../Clusters';
import { EntityScalingFactsService } from '../EntityScalingFacts';
import {
  ClusterStateCache,
  clusterStateCacheKey,
  ObservedWorkloads,
} from './clusterStateCache';
import { readClusterWorkloads } from './readClusterWorkloads';
import { EntityScalingStateService } from './types';
import { WorkloadQuery, workloadQueryFor } from './workloadQuery';
import { readEntityClusters } from './readEntityClusters';

export function createEntityScalingStateService(options: {
  entityFacts: EntityScalingFactsService;
  clusters: ClusterDirectory;
  kubernetes: KubernetesClients;
  cache: ClusterStateCache;
  logger: LoggerService;
  /** How long one cluster may take to answer, everything included. */
  clusterTimeoutMs: number;
}): EntityScalingStateService {
  const { entityFacts, clusters, kubernetes, cache, logger, clusterTimeoutMs } =
    options;

  async function observe(
    clusterName: string,
    query: WorkloadQuery,
    signal: AbortSignal,
  ): Promise<ObservedWorkloads> {
    const cluster = await clusters.getCluster(clusterName);
    return cache.getOrLoad(
      clusterStateCacheKey(clusterName, query),
      async () => ({
        workloads: await readClusterWorkloads(
          kubernetes.forCluster(cluster),
          query,
          signal,
        ),
        observedAt: new Date().toISOString(),
      }),
    );
  }

  return {
    async getScalingState(entityRef, { credentials }) {
      const facts = await entityFacts.getFacts(entityRef, { credentials });
      const query = workloadQueryFor(facts);
      return {
        entityRef: facts.entityRef,
        workloadQuery: query,
        clusters: await readEntityClusters({
          facts,
          what: 'scaling state',
          clusterTimeoutMs,
          logger,
          read: (cluster, signal) => observe(cluster.name, query, signal),
        }),
      };
    },
  };
}
