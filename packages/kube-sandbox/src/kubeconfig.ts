import yaml from 'js-yaml';
import type { SandboxCluster } from './cluster/types';

/**
 * A kubeconfig with one context per cluster, named after the cluster, whose user carries the
 * cluster's bearer token and whose default namespace is the fleet's.
 */
export function renderKubeconfig(
  clusters: readonly SandboxCluster[],
  options: {
    clusterUrl: (name: string) => string;
    caPem: string;
    currentContext?: string;
  },
): string {
  const caData = Buffer.from(options.caPem).toString('base64');
  return yaml.dump(
    {
      apiVersion: 'v1',
      kind: 'Config',
      preferences: {},
      clusters: clusters.map(c => ({
        name: c.name,
        cluster: {
          server: options.clusterUrl(c.name),
          'certificate-authority-data': caData,
        },
      })),
      users: clusters.map(c => ({
        name: `${c.name}-admin`,
        user: { token: c.token },
      })),
      contexts: clusters.map(c => ({
        name: c.name,
        context: {
          cluster: c.name,
          user: `${c.name}-admin`,
          namespace: c.spec.namespace,
        },
      })),
      'current-context': options.currentContext ?? clusters[0]?.name,
    },
    { lineWidth: -1 },
  );
}
