import { Config } from '@backstage/config';
import { ServiceUnavailableError } from '@backstage/errors';
import { CostSource } from '@meschain/backstage-plugin-scaling-node';
import { readOpenCostAllocationSet } from './openCostAllocations';

/** One cluster's OpenCost, as `scaling.cost.opencost.clusters` configures it. */
export type OpenCostCluster = { name: string; region: string; url: string };

const DEFAULT_TIMEOUT_MS = 30_000;

export function readOpenCostClusters(config: Config): OpenCostCluster[] {
  return (
    config.getOptionalConfigArray('scaling.cost.opencost.clusters') ?? []
  ).map(cluster => ({
    name: cluster.getString('name'),
    region: cluster.getString('region'),
    url: cluster.getString('url').replace(/\/+$/, ''),
  }));
}

/**
 * Reads OpenCost's allocation API of each cluster, one accumulated set per
 * window, aggregated by namespace and controller so that each entry is one
 * workload with the labels its pods share.
 */
export function createOpenCostSource(options: {
  clusters: OpenCostCluster[];
  timeoutMs?: number;
}): CostSource {
  const { clusters, timeoutMs = DEFAULT_TIMEOUT_MS } = options;
  return {
    async listClusters() {
      return clusters.map(({ name, region }) => ({ name, region }));
    },
    async getAllocations({ window, cluster: name }) {
      const cluster = clusters.find(c => c.name === name);
      if (!cluster) {
        throw new ServiceUnavailableError(
          `No OpenCost URL is configured for cluster ${name}`,
        );
      }
      const url = new URL(`${cluster.url}/allocation`);
      url.searchParams.set(
        'window',
        `${window.start.toISOString().replace(/\.\d{3}Z$/, 'Z')},${window.end
          .toISOString()
          .replace(/\.\d{3}Z$/, 'Z')}`,
      );
      url.searchParams.set('aggregate', 'namespace,controller');
      url.searchParams.set('accumulate', 'true');
      url.searchParams.set('includeIdle', 'true');
      let response: Response;
      try {
        response = await fetch(url, {
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw new ServiceUnavailableError(
          `OpenCost of cluster ${name} could not be reached: ${
            (error as Error).message
          }`,
        );
      }
      if (!response.ok) {
        throw new ServiceUnavailableError(
          `OpenCost of cluster ${name} answered ${response.status} ${response.statusText}`,
        );
      }
      const body = (await response.json().catch(() => undefined)) as
        | { code?: number; data?: unknown }
        | undefined;
      if (!body || !Array.isArray(body.data)) {
        throw new ServiceUnavailableError(
          `OpenCost of cluster ${name} answered without an allocation set list`,
        );
      }
      return readOpenCostAllocationSet(body.data[0], { cluster: name, window });
    },
  };
}
