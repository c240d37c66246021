import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthenticationStrategy,
  KubernetesCredential,
} from '@backstage/plugin-kubernetes-node';
import { ScalingCluster } from '@meschain/backstage-plugin-scaling-node';
import {
  createSelfSignedCertificate,
  SandboxCertificate,
} from '@meschain/kube-sandbox/src/tls';
import { createServer, Server } from 'node:https';
import { AddressInfo } from 'node:net';
import { TLSSocket } from 'node:tls';
import { createClusterAuthStrategy } from './auth/clusterAuthStrategies';
import { clusterSourcesFromConfig } from './clusterLocatorMethods';
import {
  createKubernetesClients,
  KubernetesClients,
} from './kubernetes/KubernetesClients';

/** What authenticated a request, as the API server saw it. */
type SeenCredentials = {
  authorization: string | null;
  /** The common name of a client certificate the server trusts. */
  clientCertificate: string | null;
};

const base64 = (text: string) => Buffer.from(text).toString('base64');

/**
 * An HTTPS API server that asks for a client certificate, as kube-apiserver
 * does, and answers each request with the credentials it saw. It does not
 * refuse a request without one, so that token and anonymous requests reach it
 * too.
 */
async function startCredentialEchoServer(options: {
  serving: SandboxCertificate;
  trustedClients: SandboxCertificate[];
}): Promise<Server> {
  const server = createServer(
    {
      key: options.serving.keyPem,
      cert: options.serving.certPem,
      ca: options.trustedClients.map(client => client.certPem),
      requestCert: true,
      rejectUnauthorized: false,
    },
    (req, res) => {
      const socket = req.socket as TLSSocket;
      const seen: SeenCredentials = {
        authorization: req.headers.authorization ?? null,
        clientCertificate: socket.authorized
          ? String(socket.getPeerCertificate().subject.CN)
          : null,
      };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(seen));
    },
  );
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return server;
}

describe('cluster credentials, from a cluster entry to the API server', () => {
  const serving = createSelfSignedCertificate({
    commonName: 'kube-apiserver',
    hosts: ['127.0.0.1'],
  });
  const portal = createSelfSignedCertificate({ commonName: 'scaling-portal' });
  const rotated = createSelfSignedCertificate({
    commonName: 'scaling-portal-rotated',
  });
  let server: Server;
  let clients: KubernetesClients;

  beforeAll(async () => {
    server = await startCredentialEchoServer({
      serving,
      trustedClients: [portal, rotated],
    });
    clients = createKubernetesClients({ requestTimeoutMs: 2_000 });
  });

  afterAll(async () => {
    await clients.close();
    server.closeAllConnections();
    await new Promise(resolve => server.close(resolve));
  });

  /** The one cluster of a config entry with `auth`, served by the echo server. */
  async function configuredCluster(
    auth: object,
    added?: Map<string, AuthenticationStrategy>,
  ): Promise<ScalingCluster> {
    const config = new ConfigReader({
      kubernetes: {
        clusterLocatorMethods: [
          {
            type: 'config',
            clusters: [
              {
                name: 'meschain-eu-west',
                url: `https://127.0.0.1:${
                  (server.address() as AddressInfo).port
                }`,
                caData: base64(serving.certPem),
                ...auth,
              },
            ],
          },
        ],
      },
    });
    const logger = mockServices.logger.mock();
    const [source] = clusterSourcesFromConfig({
      config,
      catalog: catalogServiceMock(),
      auth: mockServices.auth(),
      logger,
      clusterResourceType: 'kubernetes-cluster',
      authStrategy: createClusterAuthStrategy({ config, logger, added }),
    });
    const [cluster] = await source.supplier.getClusters();
    return cluster;
  }

  function credentialsSeenFrom(cluster: ScalingCluster) {
    return clients.forCluster(cluster).get<SeenCredentials>('/version');
  }

  it('sends a service-account token as a bearer header', async () => {
    const cluster = await configuredCluster({
      authProvider: 'serviceAccount',
      serviceAccountToken: 'token-eu-west',
    });

    await expect(credentialsSeenFrom(cluster)).resolves.toEqual({
      authorization: 'Bearer token-eu-west',
      clientCertificate: null,
    });
  });

  it('presents an x509 client certificate in the TLS handshake, with no header', async () => {
    const cluster = await configuredCluster({
      authProvider: 'x509ClientCertificate',
      authMetadata: {
        clientCertificateData: base64(portal.certPem),
        clientKeyData: base64(portal.keyPem),
      },
    });

    await expect(credentialsSeenFrom(cluster)).resolves.toEqual({
      authorization: null,
      clientCertificate: 'scaling-portal',
    });
  });

  it('sends no credential for an anonymous provider', async () => {
    const cluster = await configuredCluster({
      authProvider: 'localKubectlProxy',
    });

    await expect(credentialsSeenFrom(cluster)).resolves.toEqual({
      authorization: null,
      clientCertificate: null,
    });
  });

  it('presents the new certificate once an added strategy rotates it', async () => {
    const issued: KubernetesCredential[] = [portal, rotated].map(pair => ({
      type: 'x509 client certificate',
      cert: pair.certPem,
      key: pair.keyPem,
    }));
    let next = 0;
    const rotating: AuthenticationStrategy = {
      getCredential: async () => issued[Math.min(next++, issued.length - 1)],
      validateCluster: () => [],
      presentAuthMetadata: () => ({}),
    };
    const cluster = await configuredCluster(
      { authProvider: 'shortLivedCertificate' },
      new Map([['shortLivedCertificate', rotating]]),
    );

    const before = await credentialsSeenFrom(cluster);
    const after = await credentialsSeenFrom(cluster);

    expect([before.clientCertificate, after.clientCertificate]).toEqual([
      'scaling-portal',
      'scaling-portal-rotated',
    ]);
  });
});
