import { admitCreate } from '../api/admission';
import type { ServiceIpAllocator } from '../api/strategy';
import type { KubeObject } from '../store/types';
import { nodeObjects } from './nodes';
import type { ClusterSpec, SandboxCluster } from './types';
import {
  autoscalerObject,
  serviceObjects,
  virtualServiceObject,
  workloadObject,
} from './workloads';

/** What a real API server creates for itself, and the sandbox creates when it seeds. */
const SYSTEM_NAMESPACES = [
  'default',
  'kube-system',
  'kube-public',
  'kube-node-lease',
];

/** One object of a cluster's fleet entry, with the resource it is created as (`<plural>[.<group>]`). */
export interface FleetManifest {
  resource: string;
  object: KubeObject;
}

function namespaceObject(
  name: string,
  labels: Record<string, string> = {},
): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
}

/**
 * The objects a cluster's fleet entry describes, in the order they can be created: its
 * namespace, nodes, and per service the Istio VirtualService it routes through (if any), its
 * workload (Deployment or Rollout), Services and HPA.
 * The sandbox writes them into its store; the real control plane receives them over its API.
 */
export function fleetManifests(
  spec: ClusterSpec,
  timestamp: string,
): FleetManifest[] {
  const manifests: FleetManifest[] = [];
  if (!SYSTEM_NAMESPACES.includes(spec.namespace)) {
    manifests.push({
      resource: 'namespaces',
      object: namespaceObject(spec.namespace, {
        'app.kubernetes.io/part-of': 'meschain-sync',
      }),
    });
  }
  for (const node of nodeObjects(spec, timestamp))
    manifests.push({ resource: 'nodes', object: node });
  for (const service of spec.services) {
    // A header-routed Rollout is invalid until its VirtualService exists.
    const virtualService = virtualServiceObject(spec, service);
    if (virtualService)
      manifests.push({
        resource: 'virtualservices.networking.istio.io',
        object: virtualService,
      });
    const workload = workloadObject(spec, service);
    manifests.push({
      resource:
        workload.kind === 'Deployment'
          ? 'deployments.apps'
          : 'rollouts.argoproj.io',
      object: workload,
    });
    for (const object of serviceObjects(spec, service))
      manifests.push({ resource: 'services', object });
    const hpa = autoscalerObject(spec, service);
    if (hpa)
      manifests.push({
        resource: 'horizontalpodautoscalers.autoscaling',
        object: hpa,
      });
  }
  return manifests;
}

/**
 * Fills an empty cluster from its fleet entry, with the system namespaces and the `kubernetes`
 * Service a real API server makes for itself. ReplicaSets and Pods are the controllers' job.
 */
export function seedCluster(
  cluster: SandboxCluster,
  allocator: ServiceIpAllocator,
): void {
  const create = (resource: string, object: KubeObject) =>
    admitCreate(cluster, allocator, resource, object);

  for (const name of SYSTEM_NAMESPACES)
    create('namespaces', namespaceObject(name));
  create('services', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      labels: { component: 'apiserver', provider: 'kubernetes' },
    },
    spec: {
      clusterIP: '10.96.0.1',
      ports: [{ name: 'https', port: 443, targetPort: 6443 }],
    },
  });
  for (const { resource, object } of fleetManifests(
    cluster.spec,
    cluster.clock.timestamp(),
  )) {
    // Nodes are registered by kubelets, not admitted like user objects.
    if (resource === 'nodes') cluster.store.create(resource, object);
    else create(resource, object);
  }
}
