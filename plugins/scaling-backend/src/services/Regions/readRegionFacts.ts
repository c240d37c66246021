import { LoggerService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError, toError } from '@backstage/errors';
import {
  Region,
  RegionClusterFacts,
  RegionFacts,
  RegionHealth,
} from '@meschain/backstage-plugin-scaling-common';
import { ClusterDirectory, KubernetesClients } from '../Clusters';
import { withDeadline } from '../ScalingState';
import { addCapacities, clusterCapacity } from './clusterCapacity';
import { readClusterInventory } from './readClusterInventory';
import { regionCost } from './regionCost';
import { ServiceOwnership, servicePlacements } from './servicePlacements';
import { ClusterInventory } from './types';

/** A region's facts, with the inventories they came from for the DR checks. */
export type RegionReading = {
  facts: RegionFacts;
  inventories: Array<{ cluster: string; inventory: ClusterInventory }>;
};

export type RegionFactsReader = (
  region: Region,
  ownershipOf: (kubernetesId: string) => ServiceOwnership | undefined,
) => Promise<RegionReading>;

function regionHealth(clusters: RegionClusterFacts[]): RegionHealth {
  if (clusters.length === 0) return 'unknown';
  const reachable = clusters.filter(cluster => cluster.reachable);
  if (reachable.length === 0) return 'down';
  const allNodesReady = reachable.every(
    cluster => cluster.capacity!.readyNodes === cluster.capacity!.nodes,
  );
  return reachable.length === clusters.length && allNodesReady
    ? 'healthy'
    : 'degraded';
}

/** Reads each cluster of a region within the timeout; a cluster that fails is named with its error, the others still count. */
export function createRegionFactsReader(options: {
  clusters: ClusterDirectory;
  kubernetes: KubernetesClients;
  logger: LoggerService;
  clusterTimeoutMs: number;
}): RegionFactsReader {
  const { clusters, kubernetes, logger, clusterTimeoutMs } = options;

  const readClusterOnce = (clusterName: string) =>
    withDeadline(
      clusterTimeoutMs,
      () =>
        new ServiceUnavailableError(
          `Cluster ${clusterName} did not answer within ${clusterTimeoutMs} ms`,
        ),
      async signal => {
        const cluster = await clusters.getCluster(clusterName);
        return readClusterInventory(kubernetes.forCluster(cluster), signal);
      },
    );

  /**
   * Requests that read a cluster while a read of it is under way share that
   * read: under load, each would otherwise list the cluster's every node and
   * pod again. Nothing is kept once the read is answered.
   */
  const reading = new Map<string, Promise<ClusterInventory>>();
  const readCluster = (clusterName: string) => {
    let read = reading.get(clusterName);
    if (!read) {
      read = readClusterOnce(clusterName).finally(() =>
        reading.delete(clusterName),
      );
      reading.set(clusterName, read);
    }
    return read;
  };

  return async (region, ownershipOf) => {
    const answers = await Promise.all(
      region.clusters.map(async cluster => {
        try {
          return { cluster, inventory: await readCluster(cluster) };
        } catch (error) {
          const { name, message } = toError(error);
          logger.warn('Could not read a cluster of a region', {
            region: region.id,
            cluster,
            error: message,
          });
          return { cluster, error: { cluster, name, message } };
        }
      }),
    );
    const inventories = answers.flatMap(answer =>
      answer.inventory
        ? [{ cluster: answer.cluster, inventory: answer.inventory }]
        : [],
    );
    const clusterFacts: RegionClusterFacts[] = answers.map(answer =>
      answer.inventory
        ? {
            name: answer.cluster,
            reachable: true,
            roundTripMs: answer.inventory.roundTripMs,
            capacity: clusterCapacity(
              answer.inventory.nodes,
              answer.inventory.pods,
            ),
          }
        : { name: answer.cluster, reachable: false, error: answer.error },
    );
    const capacity = addCapacities(
      clusterFacts.flatMap(cluster =>
        cluster.capacity ? [cluster.capacity] : [],
      ),
    );
    const roundTrips = inventories.map(
      ({ inventory }) => inventory.roundTripMs,
    );
    return {
      facts: {
        region,
        health: regionHealth(clusterFacts),
        capacity,
        cost: regionCost(region.pricing, capacity.requested),
        latency: {
          configuredMs: region.latencyMs,
          measuredMs: roundTrips.length ? Math.max(...roundTrips) : undefined,
        },
        clusters: clusterFacts,
        services: inventories.flatMap(({ cluster, inventory }) =>
          servicePlacements({
            region: region.id,
            cluster,
            inventory,
            ownershipOf,
          }),
        ),
        errors: answers.flatMap(answer => (answer.error ? [answer.error] : [])),
      },
      inventories,
    };
  };
}
