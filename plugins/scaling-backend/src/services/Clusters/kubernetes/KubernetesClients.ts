import { ScalingCluster } from '@meschain/backstage-plugin-scaling-node';
import { Agent } from 'undici';
import { createKubernetesClient } from './createKubernetesClient';
import { KubernetesClient } from './types';

/** A page refreshes every 30 s: idle connections outlive that, so a refresh skips the TLS handshake. */
const IDLE_CONNECTION_TTL_MS = 60_000;

/** Hands out clients for clusters, each cluster with one reused connection pool. */
export interface KubernetesClients {
  forCluster(cluster: ScalingCluster): KubernetesClient;
  /** Closes every pool; in-flight requests finish first. */
  close(): Promise<void>;
}

/** `caData` is base64 of a PEM bundle, as in a kubeconfig; PEM given as is is accepted too. */
function decodeCertificateAuthority(caData: string | undefined) {
  if (!caData) {
    return undefined;
  }
  return caData.includes('-----BEGIN')
    ? caData
    : Buffer.from(caData, 'base64').toString('utf8');
}

/** What a pool depends on: when a catalog cluster's URL or CA changes, its pool is replaced. */
function connectionKey(cluster: ScalingCluster): string {
  return JSON.stringify([
    new URL(cluster.url).origin,
    cluster.caData ?? '',
    cluster.skipTLSVerify ?? false,
  ]);
}

export function createKubernetesClients(options: {
  /** The timeout of each request. */
  requestTimeoutMs: number;
}): KubernetesClients {
  const pools = new Map<string, { key: string; agent: Agent }>();

  function agentFor(cluster: ScalingCluster): Agent {
    const key = connectionKey(cluster);
    const existing = pools.get(cluster.name);
    if (existing?.key === key) {
      return existing.agent;
    }
    // Not awaited: the old pool closes once its in-flight requests finish,
    // and a pool that fails to close has nothing left to report to.
    existing?.agent.close().catch(() => undefined);
    const agent = new Agent({
      keepAliveTimeout: IDLE_CONNECTION_TTL_MS,
      connect: {
        ca: decodeCertificateAuthority(cluster.caData),
        rejectUnauthorized: !cluster.skipTLSVerify,
      },
    });
    pools.set(cluster.name, { key, agent });
    return agent;
  }

  return {
    forCluster(cluster) {
      return createKubernetesClient({
        cluster,
        dispatcher: agentFor(cluster),
        timeoutMs: options.requestTimeoutMs,
      });
    },
    async close() {
      const agents = [...pools.values()].map(pool => pool.agent);
      pools.clear();
      await Promise.all(agents.map(agent => agent.close()));
    },
  };
}
