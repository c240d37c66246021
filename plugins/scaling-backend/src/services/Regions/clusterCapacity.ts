import { RegionCapacity } from '@meschain/backstage-plugin-scaling-common';
import type { V1Node, V1Pod } from '@kubernetes/client-node';
import { Stored } from '../Clusters';
import { podRequests } from '../ScalingState';
import {
  addAmounts,
  fromPodAmounts,
  fromResourceList,
  NO_RESOURCES,
  remainingAmounts,
} from './resourceAmounts';

export function isNodeReady(node: Stored<V1Node>): boolean {
  return (
    node.status?.conditions?.some(
      condition => condition.type === 'Ready' && condition.status === 'True',
    ) ?? false
  );
}

/** A pod holds its requests on its node until it has finished. */
export function holdsResources(pod: Stored<V1Pod>): boolean {
  const phase = pod.status?.phase;
  return (
    Boolean(pod.spec?.nodeName) && phase !== 'Succeeded' && phase !== 'Failed'
  );
}

/**
 * What the scheduler can still place: allocatable of the Ready nodes against
 * the requests of the pods bound to them. Nodes that are not Ready count in
 * `nodes` only.
 */
export function clusterCapacity(
  nodes: Stored<V1Node>[],
  pods: Stored<V1Pod>[],
): RegionCapacity {
  const readyNodes = nodes.filter(isNodeReady);
  const readyNames = new Set(readyNodes.map(node => node.metadata.name));
  const allocatable = addAmounts(
    ...readyNodes.map(node => fromResourceList(node.status?.allocatable)),
  );
  const requested = addAmounts(
    ...pods
      .filter(pod => holdsResources(pod) && readyNames.has(pod.spec!.nodeName!))
      .map(pod => fromPodAmounts(podRequests(pod.spec))),
  );
  return {
    allocatable,
    requested,
    free: remainingAmounts(allocatable, requested),
    nodes: nodes.length,
    readyNodes: readyNodes.length,
  };
}

export function addCapacities(all: RegionCapacity[]): RegionCapacity {
  const allocatable = addAmounts(...all.map(c => c.allocatable));
  const requested = addAmounts(...all.map(c => c.requested));
  return {
    allocatable,
    requested,
    free: all.length ? addAmounts(...all.map(c => c.free)) : NO_RESOURCES,
    nodes: all.reduce((sum, c) => sum + c.nodes, 0),
    readyNodes: all.reduce((sum, c) => sum + c.readyNodes, 0),
  };
}
