import type { KubeObject } from '../store/types';
import type { ClusterSpec, NodePoolSpec } from './types';

const KUBELET_VERSION = 'v1.32.4';

/** The Node objects of a cluster's node pools, named `<cluster>-<pool>-<n>`. */
export function nodeObjects(
  spec: ClusterSpec,
  timestamp: string,
): KubeObject[] {
  const nodes: KubeObject[] = [];
  let address = 10;
  for (const pool of spec.nodePools) {
    for (let i = 1; i <= pool.count; i++) {
      const zones = pool.zones?.length ? pool.zones : [`${spec.region}-a`];
      nodes.push(
        nodeObject(
          spec,
          pool,
          timestamp,
          i,
          zones[(i - 1) % zones.length],
          `10.0.${Math.floor(address / 250)}.${address % 250}`,
        ),
      );
      address++;
    }
  }
  return nodes;
}

function nodeObject(
  spec: ClusterSpec,
  pool: NodePoolSpec,
  timestamp: string,
  index: number,
  zone: string,
  ip: string,
): KubeObject {
  const name = `${spec.name}-${pool.name}-${index}`;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: {
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'node.kubernetes.io/instance-type': pool.instanceType,
        'topology.kubernetes.io/region': spec.region,
        'topology.kubernetes.io/zone': zone,
        'karpenter.sh/capacity-type': pool.spot ? 'spot' : 'on-demand',
        'meschain.io/node-pool': pool.name,
      },
    },
    spec: { providerID: `sandbox:///${zone}/${name}` },
    status: {
      capacity: pool.capacity ?? pool.allocatable,
      allocatable: pool.allocatable,
      conditions: [
        condition(
          'MemoryPressure',
          'False',
          'KubeletHasSufficientMemory',
          timestamp,
        ),
        condition(
          'DiskPressure',
          'False',
          'KubeletHasNoDiskPressure',
          timestamp,
        ),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID', timestamp),
        condition('Ready', 'True', 'KubeletReady', timestamp),
      ],
      addresses: [
        { type: 'InternalIP', address: ip },
        { type: 'Hostname', address: name },
      ],
      nodeInfo: {
        kubeletVersion: KUBELET_VERSION,
        kubeProxyVersion: KUBELET_VERSION,
        containerRuntimeVersion: 'containerd://1.7.27',
        kernelVersion: '6.1.132-147.221.amzn2023.x86_64',
        osImage: 'Amazon Linux 2023.7.20250414',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  };
}

function condition(
  type: string,
  status: string,
  reason: string,
  timestamp: string,
) {
  return {
    type,
    status,
    reason,
    message: reason,
    lastHeartbeatTime: timestamp,
    lastTransitionTime: timestamp,
  };
}
