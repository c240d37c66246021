import { Config } from '@backstage/config';
import { ServiceUnavailableError } from '@backstage/errors';
import {
  CostSource,
  TimeWindow,
} from '@meschain/backstage-plugin-scaling-node';
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

const HOUR_MS = 3_600_000;

const openCostTime = (date: Date) =>
  date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The window cut into hours, as OpenCost steps through it with `step=1h`. */
function hoursOf(window: TimeWindow): TimeWindow[] {
  const hours: TimeWindow[] = [];
  for (let start = window.start.getTime(); start < window.end.getTime(); ) {
    const end = Math.min(start + HOUR_MS, window.end.getTime());
    hours.push({ start: new Date(start), end: new Date(end) });
    start = end;
  }
  return hours;
}

/**
 * Reads OpenCost's allocation API of each cluster, aggregated by namespace
 * and controller so that each entry is one workload with the labels its pods
 * share: one accumulated set per window, or one set per hour.
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
    async getAllocations({ window, cluster: name, step = 'window' }) {
      const cluster = clusters.find(c => c.name === name);
      if (!cluster) {
        throw new ServiceUnavailableError(
          `No OpenCost URL is configured for cluster ${name}`,
        );
      }
      const url = new URL(`${cluster.url}/allocation`);
      url.searchParams.set(
        'window',
        `${openCostTime(window.start)},${openCostTime(window.end)}`,
      );
      url.searchParams.set('aggregate', 'namespace,controller');
      if (step === 'hour') {
        url.searchParams.set('step', '1h');
        url.searchParams.set('accumulate', 'false');
      } else {
        url.searchParams.set('accumulate', 'true');
      }
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
      if (step === 'window') {
        return readOpenCostAllocationSet(body.data[0], {
          cluster: name,
          window,
        });
      }
      const hours = hoursOf(window);
      if (body.data.length !== hours.length) {
        throw new ServiceUnavailableError(
          `OpenCost of cluster ${name} answered ${body.data.length} hourly sets for a window of ${hours.length} hours`,
        );
      }
      const sets = body.data.map((set, i) =>
        readOpenCostAllocationSet(set, { cluster: name, window: hours[i] }),
      );
      return {
        allocations: sets.flatMap(set => set.allocations),
        skipped: sets.flatMap(set => set.skipped),
      };
    },
  };
}
