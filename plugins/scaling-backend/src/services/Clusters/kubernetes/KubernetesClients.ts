import { KubernetesCredential } from '@backstage/plugin-kubernetes-node';
import { ScalingCluster } from '@meschain/backstage-plugin-scaling-node';
import { Agent } from 'undici';
import { decodePemData } from '../pemData';
import { createKubernetesClient } from './createKubernetesClient';
import { credentialTlsOptions } from './requestCredentials';
import { KubernetesClient } from './types';

/** A page refreshes every 30 s: idle connections outlive that, so a refresh skips the TLS handshake. */
const IDLE_CONNECTION_TTL_MS = 60_000;

/** Hands out clients for clusters, each cluster with one reused connection pool. */
export interface KubernetesClients {
  forCluster(cluster: ScalingCluster): KubernetesClient;
  /** Closes every pool; in-flight requests finish first. */
  close(): Promise<void>;
}

/**
 * What a pool depends on: when a catalog cluster's URL or CA changes, or a
 * strategy hands out a new client certificate, its pool is replaced.
 */
function connectionKey(
  cluster: ScalingCluster,
  credential: KubernetesCredential,
): string {
  const { cert = '', key = '' } = credentialTlsOptions(credential);
  return JSON.stringify([
    new URL(cluster.url).origin,
    cluster.caData ?? '',
    cluster.skipTLSVerify ?? false,
    cert,
    key,
  ]);
}

export function createKubernetesClients(options: {
  /** The timeout of each request. */
  requestTimeoutMs: number;
}): KubernetesClients {
  const pools = new Map<string, { key: string; agent: Agent }>();

  function agentFor(
    cluster: ScalingCluster,
    credential: KubernetesCredential,
  ): Agent {
    const key = connectionKey(cluster, credential);
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
        ca: cluster.caData ? decodePemData(cluster.caData) : undefined,
        rejectUnauthorized: !cluster.skipTLSVerify,
        ...credentialTlsOptions(credential),
      },
    });
    pools.set(cluster.name, { key, agent });
    return agent;
  }

  return {
    forCluster(cluster) {
      return createKubernetesClient({
        cluster,
        dispatcherFor: credential => agentFor(cluster, credential),
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
