import type { V1Node, V1Pod } from '@kubernetes/client-node';
import { KubernetesClient, resourcePath, Stored } from '../Clusters';
import { listScalableWorkloads } from '../ScalingState';
import { ClusterInventory } from './types';

const NODES = { apiVersion: 'v1', plural: 'nodes' };
const PODS = { apiVersion: 'v1', plural: 'pods' };

/**
 * Lists what a region's figures are computed from, across all namespaces of
 * one cluster, and times the calls: the round trip reported is the last
 * call's to complete.
 */
export async function readClusterInventory(
  client: KubernetesClient,
  signal: AbortSignal,
): Promise<ClusterInventory> {
  let roundTripMs = 0;
  const timed = async <T>(path: string): Promise<T[]> => {
    const started = performance.now();
    const { items } = await client.list<T>(path, { signal });
    roundTripMs = performance.now() - started;
    return items;
  };
  const [nodes, pods, { autoscalers, workloads }] = await Promise.all([
    timed<Stored<V1Node>>(resourcePath(NODES)),
    timed<Stored<V1Pod>>(resourcePath(PODS)),
    listScalableWorkloads(timed),
  ]);
  return {
    nodes,
    pods,
    autoscalers,
    workloads,
    roundTripMs: Math.round(roundTripMs * 10) / 10,
  };
}
