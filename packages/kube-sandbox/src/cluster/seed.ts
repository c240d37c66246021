import { admitCreate } from '../api/admission';
import type { ServiceIpAllocator } from '../api/strategy';
import type { KubeObject } from '../store/types';
import { nodeObjects } from './nodes';
import type { SandboxCluster } from './types';
import { autoscalerObject, serviceObjects, workloadObject } from './workloads';

const SYSTEM_NAMESPACES = [
  'default',
  'kube-system',
  'kube-public',
  'kube-node-lease',
];

function namespaceObject(
  name: string,
  labels: Record<string, string> = {},
): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
}

/**
 * Fills an empty cluster from its fleet entry: namespaces, nodes, and per service its workload
 * (Deployment or Rollout), Services and HPA. ReplicaSets and Pods are the controllers' job.
 */
export function seedCluster(
  cluster: SandboxCluster,
  allocator: ServiceIpAllocator,
): void {
  const { spec } = cluster;
  const create = (resource: string, object: KubeObject) =>
    admitCreate(cluster, allocator, resource, object);

  for (const name of SYSTEM_NAMESPACES)
    create('namespaces', namespaceObject(name));
  if (!SYSTEM_NAMESPACES.includes(spec.namespace)) {
    create(
      'namespaces',
      namespaceObject(spec.namespace, {
        'app.kubernetes.io/part-of': 'meschain-sync',
      }),
    );
  }
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
  for (const node of nodeObjects(spec, cluster.clock.timestamp()))
    cluster.store.create('nodes', node);

  for (const service of spec.services) {
    const workload = workloadObject(spec, service);
    create(
      workload.kind === 'Deployment'
        ? 'deployments.apps'
        : 'rollouts.argoproj.io',
      workload,
    );
    for (const object of serviceObjects(spec, service))
      create('services', object);
    const hpa = autoscalerObject(spec, service);
    if (hpa) create('horizontalpodautoscalers.autoscaling', hpa);
  }
}
