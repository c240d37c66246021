import { fleetManifests } from '../cluster/seed';
import type { ClusterSpec } from '../cluster/types';
import type { KubeObject } from '../store/types';
import type { KubeClient } from './kubeClient';
import { collectionPath, pluralOf } from './resourcePaths';

/** kwok manages the nodes that carry this annotation, and no others. */
export const KWOK_NODE_ANNOTATION = 'kwok.x-k8s.io/node';

/**
 * The node as its kubelet would register it: capacity, addresses and node info, but no
 * conditions, so that kwok initialises it and then keeps its heartbeats (it only beats for the
 * nodes it has initialised).
 */
function asKwokNode(node: KubeObject): KubeObject {
  const { conditions: _conditions, ...status } = (node.status ?? {}) as Record<
    string,
    unknown
  >;
  return {
    ...node,
    metadata: {
      ...node.metadata,
      annotations: {
        ...node.metadata?.annotations,
        [KWOK_NODE_ANNOTATION]: 'fake',
      },
    },
    status,
  };
}

/**
 * Creates a cluster's fleet entry through the Kubernetes API: the same objects the sandbox
 * seeds (VirtualServices included), with nodes handed to kwok. The controllers make the
 * ReplicaSets and Pods.
 */
export async function seedFleet(
  client: KubeClient,
  spec: ClusterSpec,
): Promise<void> {
  for (const { resource, object } of fleetManifests(
    spec,
    new Date().toISOString(),
  )) {
    const path = collectionPath(object, pluralOf(resource));
    if (resource === 'nodes') {
      const node = asKwokNode(object);
      // Apply ignores a Node's status; it is written through the status subresource.
      await client.apply(path, node);
      await client.expect(
        'PATCH',
        `${path}/${node.metadata!.name}/status`,
        { status: node.status },
        'application/merge-patch+json',
      );
    } else {
      await client.apply(path, object);
    }
  }
}

/** Waits until every Deployment and Rollout of `namespace` has all its replicas ready. */
export async function workloadsReady(
  client: KubeClient,
  namespace: string,
): Promise<boolean> {
  const lists = await Promise.all([
    client.expect('GET', `/apis/apps/v1/namespaces/${namespace}/deployments`),
    client.expect(
      'GET',
      `/apis/argoproj.io/v1alpha1/namespaces/${namespace}/rollouts`,
    ),
  ]);
  return lists.every(list =>
    list.items.every(
      (workload: any) =>
        (workload.status?.readyReplicas ?? 0) >= (workload.spec.replicas ?? 1),
    ),
  );
}
