import { LoggerService } from '@backstage/backend-plugin-api';
import {
  NotFoundError,
  ServiceUnavailableError,
  toError,
} from '@backstage/errors';
import {
  ClusterScalingError,
  EntityCluster,
  RegionRole,
  ScalingEntityFacts,
} from '@meschain/backstage-plugin-scaling-common';
import { withDeadline } from './withDeadline';

type Placement = {
  /** Absent when no cluster serves the region. */
  cluster?: string;
  region: string;
  role?: RegionRole;
};

/** What one of an entity's clusters answered, or why it did not, with where it runs. */
export type EntityClusterAnswer<T> =
  | (Placement & T)
  | (Placement & { error: ClusterScalingError });

function errorSummary(error: unknown): ClusterScalingError {
  const { name, message } = toError(error);
  return { name, message };
}

/**
 * Reads every cluster of an entity's regions concurrently, each within
 * `clusterTimeoutMs`. The answer is partial rather than failed: a cluster
 * that errs or is too slow, and a region no cluster serves, each come back
 * with their error, in the order of the entity's regions.
 */
export async function readEntityClusters<T extends object>(options: {
  facts: ScalingEntityFacts;
  /** What is read, for the log: e.g. "scaling state". */
  what: string;
  clusterTimeoutMs: number;
  logger: LoggerService;
  read(cluster: EntityCluster, signal: AbortSignal): Promise<T>;
}): Promise<EntityClusterAnswer<T>[]> {
  const { facts, what, clusterTimeoutMs, logger, read } = options;

  async function answer(
    cluster: EntityCluster,
  ): Promise<EntityClusterAnswer<T>> {
    const placement = {
      cluster: cluster.name,
      region: cluster.region,
      role: cluster.role,
    };
    try {
      const result = await withDeadline(
        clusterTimeoutMs,
        () =>
          new ServiceUnavailableError(
            `Cluster ${cluster.name} did not answer within ${clusterTimeoutMs} ms`,
          ),
        signal => read(cluster, signal),
      );
      return { ...placement, ...result };
    } catch (error) {
      const summary = errorSummary(error);
      logger.warn(`Could not read the ${what} of a cluster`, {
        entityRef: facts.entityRef,
        ...placement,
        error: summary.message,
      });
      return { ...placement, error: summary };
    }
  }

  const served = await Promise.all(facts.clusters.map(answer));
  const unserved = facts.regionsWithoutCluster.map(
    (region): EntityClusterAnswer<T> => ({
      region,
      error: errorSummary(
        new NotFoundError(
          `No Kubernetes cluster in the catalog serves region ${region}`,
        ),
      ),
    }),
  );
  const regionOrder = (answered: EntityClusterAnswer<T>) =>
    facts.regions.indexOf(answered.region);
  return [...served, ...unserved].sort(
    (a, b) => regionOrder(a) - regionOrder(b),
  );
}
