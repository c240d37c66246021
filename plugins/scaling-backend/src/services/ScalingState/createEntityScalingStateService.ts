import { LoggerService } from '@backstage/backend-plugin-api';
import {
  NotFoundError,
  ServiceUnavailableError,
  toError,
} from '@backstage/errors';
import {
  ClusterScalingError,
  ClusterScalingState,
  EntityCluster,
} from '@meschain/backstage-plugin-scaling-common';
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
import { withDeadline } from './withDeadline';

function errorSummary(error: unknown): ClusterScalingError {
  const { name, message } = toError(error);
  return { name, message };
}

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

  function observe(
    clusterName: string,
    query: WorkloadQuery,
  ): Promise<ObservedWorkloads> {
    return withDeadline(
      clusterTimeoutMs,
      () =>
        new ServiceUnavailableError(
          `Cluster ${clusterName} did not answer within ${clusterTimeoutMs} ms`,
        ),
      async signal => {
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
      },
    );
  }

  async function clusterState(
    entityRef: string,
    cluster: EntityCluster,
    query: WorkloadQuery,
  ): Promise<ClusterScalingState> {
    const placement = {
      cluster: cluster.name,
      region: cluster.region,
      role: cluster.role,
    };
    try {
      return { ...placement, ...(await observe(cluster.name, query)) };
    } catch (error) {
      const summary = errorSummary(error);
      logger.warn('Could not read the scaling state of a cluster', {
        entityRef,
        ...placement,
        error: summary.message,
      });
      return { ...placement, error: summary };
    }
  }

  return {
    async getScalingState(entityRef, { credentials }) {
      const facts = await entityFacts.getFacts(entityRef, { credentials });
      const query = workloadQueryFor(facts);
      const served = await Promise.all(
        facts.clusters.map(cluster =>
          clusterState(facts.entityRef, cluster, query),
        ),
      );
      const unserved = facts.regionsWithoutCluster.map(
        (region): ClusterScalingState => ({
          region,
          error: errorSummary(
            new NotFoundError(
              `No Kubernetes cluster in the catalog serves region ${region}`,
            ),
          ),
        }),
      );
      const regionOrder = (state: ClusterScalingState) =>
        facts.regions.indexOf(state.region);
      return {
        entityRef: facts.entityRef,
        workloadQuery: query,
        clusters: [...served, ...unserved].sort(
          (a, b) => regionOrder(a) - regionOrder(b),
        ),
      };
    },
  };
}
