import { KubernetesCredential } from '@backstage/plugin-kubernetes-node';
import { ScalingCluster } from '@meschain/backstage-plugin-scaling-node';
import { Dispatcher } from 'undici';
import {
  errorFromFailedRequest,
  errorFromMalformedBody,
  errorFromResponse,
  KubernetesRequestDescription,
  parseKubernetesStatus,
} from './kubernetesErrors';
import { credentialHeaders } from './requestCredentials';
import {
  KubernetesClient,
  KubernetesList,
  KubernetesListOptions,
  KubernetesRequestOptions,
  KubernetesWriteOptions,
} from './types';

/** Large lists come in pages of this size, so no single answer holds a whole cluster. */
const LIST_PAGE_SIZE = 500;

type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

type SendOptions = KubernetesRequestOptions & {
  body?: unknown;
  contentType?: string;
};

function queryString(query: KubernetesRequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) {
      params.set(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function writeQuery(options: KubernetesWriteOptions | undefined) {
  return {
    ...options?.query,
    dryRun: options?.dryRun ? 'All' : undefined,
    fieldManager: options?.fieldManager,
  };
}

/**
 * A {@link KubernetesClient} over a reused connection pool. Each request
 * carries the cluster's current credential, has its own timeout, and also
 * stops when the caller's signal aborts.
 */
export function createKubernetesClient(options: {
  cluster: ScalingCluster;
  /** The pool whose TLS handshake carries the credential, when it is a client certificate. */
  dispatcherFor(credential: KubernetesCredential): Dispatcher;
  timeoutMs: number;
}): KubernetesClient {
  const { cluster, dispatcherFor, timeoutMs } = options;
  const baseUrl = new URL(cluster.url);
  const basePath = baseUrl.pathname.replace(/\/+$/, '');

  async function send<T>(
    method: HttpMethod,
    path: string,
    sendOptions: SendOptions = {},
  ): Promise<T> {
    const request: KubernetesRequestDescription = {
      clusterName: cluster.name,
      method,
      path,
    };
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = sendOptions.signal
      ? AbortSignal.any([timeout, sendOptions.signal])
      : timeout;
    const credential = await cluster.getCredential();
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...credentialHeaders(credential),
    };
    if (sendOptions.body !== undefined) {
      headers['content-type'] = sendOptions.contentType ?? 'application/json';
    }

    let statusCode: number;
    let text: string;
    try {
      const response = await dispatcherFor(credential).request({
        origin: baseUrl.origin,
        path: `${basePath}${path}${queryString(sendOptions.query)}`,
        method,
        headers,
        // JSON is YAML too, so a server-side apply body is sent as JSON as well.
        body:
          sendOptions.body === undefined
            ? undefined
            : JSON.stringify(sendOptions.body),
        signal,
      });
      statusCode = response.statusCode;
      text = await response.body.text();
    } catch (error) {
      if (sendOptions.signal?.aborted) {
        // The caller gave up (e.g. its deadline passed) and says why.
        throw sendOptions.signal.reason;
      }
      throw errorFromFailedRequest(
        request,
        error,
        timeout.aborted ? timeoutMs : undefined,
      );
    }

    if (statusCode >= 400) {
      throw errorFromResponse(request, statusCode, parseKubernetesStatus(text));
    }
    try {
      return (text ? JSON.parse(text) : undefined) as T;
    } catch {
      throw errorFromMalformedBody(request);
    }
  }

  return {
    clusterName: cluster.name,

    get: (path, requestOptions) => send('GET', path, requestOptions),

    async list<T>(
      path: string,
      listOptions: KubernetesListOptions = {},
    ): Promise<KubernetesList<T>> {
      const { labelSelector, fieldSelector, query, signal } = listOptions;
      const items: T[] = [];
      let page: KubernetesList<T> & { metadata: { continue?: string } };
      let continueToken: string | undefined;
      do {
        page = await send('GET', path, {
          signal,
          query: {
            ...query,
            labelSelector,
            fieldSelector,
            limit: LIST_PAGE_SIZE,
            continue: continueToken,
          },
        });
        items.push(...page.items);
        continueToken = page.metadata?.continue || undefined;
      } while (continueToken);
      return {
        apiVersion: page.apiVersion,
        kind: page.kind,
        metadata: { resourceVersion: page.metadata?.resourceVersion },
        items,
      };
    },

    post: (path, body, writeOptions) =>
      send('POST', path, {
        signal: writeOptions?.signal,
        query: writeQuery(writeOptions),
        body,
      }),

    put: (path, body, writeOptions) =>
      send('PUT', path, {
        signal: writeOptions?.signal,
        query: writeQuery(writeOptions),
        body,
      }),

    patch: (path, body, patchOptions) =>
      send('PATCH', path, {
        signal: patchOptions.signal,
        query: {
          ...writeQuery(patchOptions),
          force: patchOptions.force,
        },
        body,
        contentType: patchOptions.patchType,
      }),

    delete: (path, deleteOptions) =>
      send('DELETE', path, {
        signal: deleteOptions?.signal,
        query: writeQuery(deleteOptions),
        body: deleteOptions?.body,
      }),
  };
}
