import { NotFoundError } from '@backstage/errors';
import { KubernetesClient, resourcePath } from '../Clusters';
import {
  HorizontalPodAutoscalerObject,
  SCALABLE_WORKLOAD_TYPES,
  ScalableWorkloadObject,
} from '../ScalingState';
import { NodeObject, PodObject } from './kubernetesInventoryObjects';
import { ClusterInventory } from './types';

const NODES = { apiVersion: 'v1', plural: 'nodes' };
const PODS = { apiVersion: 'v1', plural: 'pods' };
const AUTOSCALERS = {
  apiVersion: 'autoscaling/v2',
  plural: 'horizontalpodautoscalers',
};

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
  // A list answers 404 only when the API is not served, e.g. a cluster without Argo Rollouts.
  const unlessUnserved = async <T>(list: Promise<T[]>): Promise<T[]> =>
    list.catch(error => {
      if (NotFoundError.is(error)) {
        return [];
      }
      throw error;
    });

  const [nodes, pods, autoscalers, ...workloadLists] = await Promise.all([
    timed<NodeObject>(resourcePath(NODES)),
    timed<PodObject>(resourcePath(PODS)),
    unlessUnserved(
      timed<HorizontalPodAutoscalerObject>(resourcePath(AUTOSCALERS)),
    ),
    ...SCALABLE_WORKLOAD_TYPES.map(type =>
      unlessUnserved(timed<ScalableWorkloadObject>(resourcePath(type))).then(
        items => items.map(object => ({ type, object })),
      ),
    ),
  ]);
  return {
    nodes,
    pods,
    autoscalers,
    workloads: workloadLists.flat(),
    roundTripMs: Math.round(roundTripMs * 10) / 10,
  };
}
