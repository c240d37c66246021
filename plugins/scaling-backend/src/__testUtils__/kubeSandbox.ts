import { ScalingCluster } from '@meschain/backstage-plugin-scaling-node';
import { Sandbox, startSandbox } from '@meschain/kube-sandbox';
import { createServer, request as httpRequest, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * The sandbox with the default fleet (one cluster per MesChain region) and
 * time stopped, so that what a test reads back equals what the backend read.
 */
export function startFrozenSandbox(): Promise<Sandbox> {
  return startSandbox({ port: 0, speed: 0, seed: 11 });
}

/** The sandbox's CA as a kubeconfig's `certificate-authority-data`. */
export function sandboxCaData(sandbox: Sandbox): string {
  return Buffer.from(sandbox.caPem).toString('base64');
}

/** The name the portal's config gives a region's cluster. */
export function sandboxClusterName(region: string): string {
  return `meschain-${region}`;
}

/** A region's cluster as a cluster supplier gives it: its token as a bearer credential, its CA trusted. */
export function sandboxScalingCluster(
  sandbox: Sandbox,
  region: string,
  overrides: Partial<ScalingCluster> = {},
): ScalingCluster {
  const token = sandbox.cluster(region).token;
  return {
    name: sandboxClusterName(region),
    url: sandbox.clusterUrl(region),
    caData: sandboxCaData(sandbox),
    authMetadata: {},
    getCredential: async () => ({ type: 'bearer token', token }),
    ...overrides,
  };
}

/** A region's cluster as an entry of a `config` cluster locator, with its token and CA. */
export function sandboxClusterConfig(
  sandbox: Sandbox,
  region: string,
  url: string = sandbox.clusterUrl(region),
) {
  return {
    name: sandboxClusterName(region),
    url,
    authProvider: 'serviceAccount',
    serviceAccountToken: sandbox.cluster(region).token,
    caData: sandboxCaData(sandbox),
  };
}

/** The `kubernetes` config that locates the regions' sandbox clusters, as an app-config would. */
export function sandboxKubernetesConfig(sandbox: Sandbox, regions: string[]) {
  return {
    clusterLocatorMethods: [
      {
        type: 'config',
        clusters: regions.map(region => sandboxClusterConfig(sandbox, region)),
      },
    ],
  };
}

/** Reads from a sandbox cluster over HTTP with its token: the test's own witness, independent of the code under test. */
export async function readFromSandbox<T>(
  sandbox: Sandbox,
  clusterName: string,
  path: string,
): Promise<T> {
  const response = await fetch(
    `${sandbox.clusterUrl(clusterName, 'http')}${path}`,
    {
      headers: {
        authorization: `Bearer ${sandbox.cluster(clusterName).token}`,
      },
    },
  );
  if (!response.ok) {
    throw new Error(`sandbox answered ${response.status} to GET ${path}`);
  }
  return (await response.json()) as T;
}

/**
 * A plain HTTP proxy in front of the sandbox that answers 404 for the
 * resource metrics API, as a cluster without metrics-server does. The
 * sandbox cannot switch that API off itself.
 */
export async function startProxyWithoutMetricsApi(
  sandbox: Sandbox,
): Promise<{ url: string; close(): Promise<void> }> {
  const upstream = new URL(sandbox.httpUrl);
  const server: Server = createServer((req, res) => {
    if (req.url?.includes('/apis/metrics.k8s.io/')) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          kind: 'Status',
          apiVersion: 'v1',
          status: 'Failure',
          message: 'the server could not find the requested resource',
          reason: 'NotFound',
          code: 404,
        }),
      );
      return;
    }
    const forwarded = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: req.url,
        method: req.method,
        headers: req.headers,
      },
      answer => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forwarded.on('error', () => res.destroy());
    req.pipe(forwarded);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
