import { ScalingCluster } from '@meschain/backstage-plugin-scaling-node';
import { Agent } from 'undici';
import { decodePemData } from '../Clusters/pemData';
import {
  errorFromFailedRequest,
  errorFromResponse,
  parseKubernetesStatus,
} from '../Clusters/kubernetes/kubernetesErrors';
import {
  credentialHeaders,
  credentialTlsOptions,
} from '../Clusters/kubernetes/requestCredentials';
import { KubernetesObject } from '../Clusters';

/** One event of a Kubernetes watch. */
export type WatchEvent =
  | {
      type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK';
      object: KubernetesObject;
    }
  | {
      type: 'ERROR';
      object: { kind?: string; code?: number; message?: string };
    };

/**
 * Opens a watch on a collection path from a resourceVersion and calls
 * `onEvent` for each line of the stream. Resolves when the server ends the
 * stream (its `timeoutSeconds`) or `signal` aborts; rejects when the cluster
 * cannot be reached or refuses the watch, with the error naming the cluster.
 *
 * Watches have their own connection pool: they hold a connection for minutes,
 * which the request pool's keep-alive and timeouts are not made for.
 */
export async function streamWatch(options: {
  cluster: ScalingCluster;
  agent: Agent;
  path: string;
  resourceVersion: string;
  timeoutSeconds: number;
  /** How long the cluster may take to start answering. */
  connectTimeoutMs: number;
  signal: AbortSignal;
  /** Called once the cluster has accepted the watch. */
  onOpen(): void;
  onEvent(event: WatchEvent): void;
}): Promise<void> {
  const { cluster, agent, path, signal } = options;
  const base = new URL(cluster.url);
  const basePath = base.pathname.replace(/\/+$/, '');
  const query = new URLSearchParams({
    watch: '1',
    resourceVersion: options.resourceVersion,
    allowWatchBookmarks: 'true',
    timeoutSeconds: String(options.timeoutSeconds),
  });
  const request = { clusterName: cluster.name, method: 'GET', path } as const;
  const credential = await cluster.getCredential();
  // The timeout covers the answer's start only: the stream then stays open.
  const connect = new AbortController();
  const connectTimer = setTimeout(
    () => connect.abort(),
    options.connectTimeoutMs,
  );
  let response;
  try {
    response = await agent.request({
      origin: base.origin,
      path: `${basePath}${path}?${query}`,
      method: 'GET',
      headers: { accept: 'application/json', ...credentialHeaders(credential) },
      signal: AbortSignal.any([signal, connect.signal]),
      // The stream is quiet for as long as nothing changes.
      bodyTimeout: 0,
    });
  } catch (error) {
    if (signal.aborted) return;
    throw errorFromFailedRequest(
      request,
      error,
      connect.signal.aborted ? options.connectTimeoutMs : undefined,
    );
  } finally {
    clearTimeout(connectTimer);
  }
  if (response.statusCode >= 400) {
    const text = await response.body.text().catch(() => '');
    throw errorFromResponse(
      request,
      response.statusCode,
      parseKubernetesStatus(text),
    );
  }

  options.onOpen();
  let pending = '';
  try {
    for await (const chunk of response.body) {
      pending += chunk.toString();
      let newline = pending.indexOf('\n');
      while (newline >= 0) {
        const line = pending.slice(0, newline).trim();
        pending = pending.slice(newline + 1);
        if (line) options.onEvent(JSON.parse(line) as WatchEvent);
        newline = pending.indexOf('\n');
      }
    }
  } catch (error) {
    if (signal.aborted) return;
    throw errorFromFailedRequest(request, error, undefined);
  }
}

/** A connection pool for one cluster's watches, trusting its CA and carrying its client certificate. */
export async function createWatchAgent(
  cluster: ScalingCluster,
): Promise<Agent> {
  const credential = await cluster.getCredential();
  return new Agent({
    connect: {
      ca: cluster.caData ? decodePemData(cluster.caData) : undefined,
      rejectUnauthorized: !cluster.skipTLSVerify,
      ...credentialTlsOptions(credential),
    },
  });
}
