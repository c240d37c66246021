import { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import { ScalingCluster } from '@meschain/backstage-plugin-scaling-node';
import { ClusterDirectory, ClusterSource } from './types';

type SourceRead = { clusters: ScalingCluster[]; failure?: string };

/**
 * Reads one source at most once per `ttlMs`. When a refresh fails, the last
 * clusters read are kept, so a catalog hiccup does not hide every cluster.
 */
function cachedSource(
  source: ClusterSource,
  ttlMs: number,
  logger: LoggerService,
): () => Promise<SourceRead> {
  let last: { clusters: ScalingCluster[]; readAt: number } | undefined;
  let refreshing: Promise<SourceRead> | undefined;

  async function refresh(): Promise<SourceRead> {
    try {
      const clusters = await source.supplier.getClusters();
      last = { clusters, readAt: Date.now() };
      return { clusters };
    } catch (error) {
      logger.warn(`Could not list the clusters of ${source.description}`, {
        error: String(error),
      });
      return last
        ? { clusters: last.clusters }
        : { clusters: [], failure: `${source.description}: ${error}` };
    } finally {
      refreshing = undefined;
    }
  }

  return () => {
    if (last && Date.now() - last.readAt < ttlMs) {
      return Promise.resolve({ clusters: last.clusters });
    }
    refreshing ??= refresh();
    return refreshing;
  };
}

export function createClusterDirectory(options: {
  sources: ClusterSource[];
  logger: LoggerService;
  /** How long a source's cluster list is reused before it is read again. */
  cacheTtlMs: number;
}): ClusterDirectory {
  const { sources, logger, cacheTtlMs } = options;
  const readers = sources.map(source =>
    cachedSource(source, cacheTtlMs, logger),
  );
  const reportedDuplicates = new Set<string>();

  let merged:
    | {
        reads: SourceRead[];
        byName: Map<string, ScalingCluster>;
        failures: string[];
      }
    | undefined;

  /** The sources' clusters by name, merged again only when a source's list changed. */
  async function readAll() {
    const reads = await Promise.all(readers.map(read => read()));
    if (
      merged?.reads.every(
        (last, i) =>
          last.clusters === reads[i].clusters &&
          last.failure === reads[i].failure,
      )
    ) {
      return merged;
    }
    const byName = new Map<string, ScalingCluster>();
    for (const cluster of reads.flatMap(read => read.clusters)) {
      if (!byName.has(cluster.name)) {
        byName.set(cluster.name, cluster);
      } else if (!reportedDuplicates.has(cluster.name)) {
        reportedDuplicates.add(cluster.name);
        logger.warn(
          `Several cluster sources define cluster ${cluster.name}; the first one is used`,
        );
      }
    }
    const failures = reads.flatMap(read => read.failure ?? []);
    merged = { reads, byName, failures };
    return merged;
  }

  return {
    async listClusters() {
      return [...(await readAll()).byName.values()];
    },

    async getCluster(name) {
      const { byName, failures } = await readAll();
      const cluster = byName.get(name);
      if (cluster) {
        return cluster;
      }
      if (failures.length > 0) {
        throw new ServiceUnavailableError(
          `Cluster ${name} is not known, and some cluster sources could not be read: ${failures.join(
            '; ',
          )}`,
        );
      }
      throw new NotFoundError(
        `Cluster ${name} is not configured: neither kubernetes.clusterLocatorMethods nor an added cluster supplier provides it`,
      );
    },
  };
}
