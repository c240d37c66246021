import { SimClock } from '../clock';
import { createCluster } from '../cluster/createCluster';
import type {
  ClusterSimulation,
  ClusterSpec,
  SandboxCluster,
} from '../cluster/types';
import type { KubeObject } from '../store/types';
import type { Deployment, IntOrPercent } from './kinds';

/**
 * Fixtures for the simulation's tests: a cluster with nodes and no services, time advanced in
 * one-second steps as the sandbox's driver does, and manifests as a client would send them.
 */

export function testClusterSpec(
  overrides: Partial<ClusterSpec> = {},
): ClusterSpec {
  return {
    name: 'test',
    region: 'eu-west',
    role: 'primary',
    token: 'test-token',
    prices: { cpuCoreHour: 0.04, ramGiBHour: 0.005 },
    nodePools: [],
    namespace: 'meschain',
    services: [],
    ...overrides,
  };
}

export function createTestCluster(
  spec: ClusterSpec = testClusterSpec(),
  seed = 42,
): SandboxCluster {
  return createCluster(spec, { clock: new SimClock(), seed });
}

export function addNodes(
  cluster: SandboxCluster,
  count: number,
  allocatable: { cpu: string; memory: string; pods: string } = {
    cpu: '4',
    memory: '16Gi',
    pods: '110',
  },
): void {
  for (let i = 0; i < count; i++) {
    cluster.store.create('nodes', {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name: `node-${i}`,
        labels: {
          'node.kubernetes.io/instance-type': 'm6i.xlarge',
          'topology.kubernetes.io/region': cluster.region,
        },
      },
      spec: {},
      status: {
        capacity: allocatable,
        allocatable,
        conditions: [
          {
            type: 'Ready',
            status: 'True',
            reason: 'KubeletReady',
            message: 'kubelet is posting ready status',
          },
        ],
      },
    });
  }
}

export function addNamespace(cluster: SandboxCluster, name: string): void {
  cluster.store.create('namespaces', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name },
    spec: {},
    status: { phase: 'Active' },
  });
}

/** Advances the clock one simulated second at a time, ticking the simulation after each step. */
export function runFor(
  cluster: SandboxCluster,
  simulation: ClusterSimulation,
  seconds: number,
  afterEachTick?: (now: number) => void,
): void {
  for (let i = 0; i < seconds; i++) {
    const now = cluster.clock.advance(1000);
    simulation.tick(now);
    afterEachTick?.(now);
  }
}

export function deploymentManifest(
  name: string,
  options: {
    namespace?: string;
    replicas?: number;
    image?: string;
    maxSurge?: IntOrPercent;
    maxUnavailable?: IntOrPercent;
    cpu?: string;
    memory?: string;
    revisionHistoryLimit?: number;
  } = {},
): Deployment {
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: options.namespace ?? 'meschain', labels },
    spec: {
      replicas: options.replicas ?? 3,
      selector: { matchLabels: labels },
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: {
          maxSurge: options.maxSurge ?? '25%',
          maxUnavailable: options.maxUnavailable ?? '25%',
        },
      },
      revisionHistoryLimit: options.revisionHistoryLimit ?? 10,
      template: {
        metadata: { labels },
        spec: {
          containers: [
            {
              name,
              image: options.image ?? `meschain/${name}:1.0.0`,
              resources: {
                requests: {
                  cpu: options.cpu ?? '250m',
                  memory: options.memory ?? '256Mi',
                },
              },
            },
          ],
        },
      },
    },
  };
}

export function listByLabel<T extends KubeObject>(
  cluster: SandboxCluster,
  resource: string,
  labelSelector: string,
): T[] {
  return cluster.store.list(resource, { labelSelector }).items as T[];
}
