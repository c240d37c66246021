import {
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import type { Fleet } from '../cluster/fleet';
import type { ClusterSpec } from '../cluster/types';
import { KubeClient, type KubeCredentials } from './kubeClient';
import { ensurePki, type ControlPlanePki } from './pki';
import { freePort, ProcessGroup, waitFor } from './processes';
import { seedFleet, workloadsReady } from './seedFleet';
import {
  applyManifests,
  grantPortalAccess,
  type PortalAccess,
} from './portalAccess';
import { registerMetricsApis } from './metricsApis';
import { VIRTUAL_SERVICE_CRD } from './trafficRouting';
import type { KubeObject } from '../store/types';
import { startMetricsAdapter, type MetricsAdapter } from './metricsAdapter';

export interface RealClustersOptions {
  /** Where `tools/real-cluster/build.sh` put the programs. */
  binDir: string;
  /** Certificates (kept between runs), etcd's data and the programs' logs (both started anew). */
  dataDir: string;
  fleet: Fleet;
  /** How many of the fleet's clusters to start, in fleet order. Default: all. */
  clusters?: number;
  /** The load model's seed, as the sandbox's `--seed`. */
  seed?: number;
  /** How long to wait for the seeded workloads' pods to turn Ready. Default 180 s. */
  readyTimeoutMs?: number;
}

/** One started cluster: its API server, and the identities tests and the portal use. */
export interface RealCluster {
  name: string;
  region: string;
  spec: ClusterSpec;
  url: string;
  caPem: string;
  /** `system:masters`, by client certificate. */
  admin: KubeClient;
  /** The portal's service account, bound to the shipped least-privilege roles. */
  portal: PortalAccess;
  metricsAdapter: MetricsAdapter;
}

export interface RealClusters {
  clusters: RealCluster[];
  pki: ControlPlanePki;
  /** One context per cluster with the portal's token, and `<name>-admin` with the admin certificate. */
  kubeconfig(): string;
  /** Where each program's log is, e.g. `logFile('eu-west-kube-apiserver')`. */
  logFile(program: string): string;
  close(): Promise<void>;
}

const START_TIMEOUT_MS = 120_000;

function adminCredentials(pki: ControlPlanePki, url: string): KubeCredentials {
  return {
    url,
    caPem: pki.ca.certPem,
    certPem: pki.admin.certPem,
    keyPem: pki.admin.keyPem,
  };
}

function adminKubeconfig(pki: ControlPlanePki, url: string): string {
  return yaml.dump({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: 'cluster',
        cluster: { server: url, 'certificate-authority': pki.ca.certFile },
      },
    ],
    users: [
      {
        name: 'admin',
        user: {
          'client-certificate': pki.admin.certFile,
          'client-key': pki.admin.keyFile,
        },
      },
    ],
    contexts: [
      { name: 'admin', context: { cluster: 'cluster', user: 'admin' } },
    ],
    'current-context': 'admin',
  });
}

async function startEtcd(
  processes: ProcessGroup,
  dataDir: string,
): Promise<string> {
  const [clientPort, peerPort] = [await freePort(), await freePort()];
  const clientUrl = `http://127.0.0.1:${clientPort}`;
  const peerUrl = `http://127.0.0.1:${peerPort}`;
  processes.start('etcd', join(processes.binDir, 'etcd'), [
    '--name=real-cluster',
    `--data-dir=${join(dataDir, 'etcd')}`,
    `--listen-client-urls=${clientUrl}`,
    `--advertise-client-urls=${clientUrl}`,
    `--listen-peer-urls=${peerUrl}`,
    `--initial-advertise-peer-urls=${peerUrl}`,
    `--initial-cluster=real-cluster=${peerUrl}`,
    // A test rig: losing the last writes on a crash is fine, waiting for the disk is not.
    '--unsafe-no-fsync',
    '--log-level=warn',
  ]);
  await waitFor(
    'etcd',
    async () => (await fetch(`${clientUrl}/health`)).ok,
    START_TIMEOUT_MS,
    () => processes.isRunning('etcd'),
  );
  return clientUrl;
}

async function startApiServer(
  processes: ProcessGroup,
  pki: ControlPlanePki,
  name: string,
  etcdUrl: string,
): Promise<KubeClient> {
  const port = await freePort();
  const program = `${name}-kube-apiserver`;
  processes.start(program, join(processes.binDir, 'kube-apiserver'), [
    `--etcd-servers=${etcdUrl}`,
    // The clusters share one etcd, each under its own prefix.
    `--etcd-prefix=/registry/${name}`,
    '--bind-address=127.0.0.1',
    '--advertise-address=127.0.0.1',
    `--secure-port=${port}`,
    `--tls-cert-file=${pki.apiServer.certFile}`,
    `--tls-private-key-file=${pki.apiServer.keyFile}`,
    `--client-ca-file=${pki.ca.certFile}`,
    '--authorization-mode=Node,RBAC',
    `--service-account-key-file=${pki.serviceAccountPublicKeyFile}`,
    `--service-account-signing-key-file=${pki.serviceAccountKeyFile}`,
    '--service-account-issuer=https://kubernetes.default.svc',
    '--service-cluster-ip-range=10.96.0.0/16',
    // The aggregation layer, for the metrics APIs the metrics adapter serves.
    `--requestheader-client-ca-file=${pki.frontProxyCa.certFile}`,
    '--requestheader-allowed-names=front-proxy-client',
    '--requestheader-username-headers=X-Remote-User',
    '--requestheader-group-headers=X-Remote-Group',
    '--requestheader-extra-headers-prefix=X-Remote-Extra-',
    `--proxy-client-cert-file=${pki.frontProxyClient.certFile}`,
    `--proxy-client-key-file=${pki.frontProxyClient.keyFile}`,
    '--profiling=false',
    '--v=1',
  ]);
  const admin = new KubeClient(
    adminCredentials(pki, `https://127.0.0.1:${port}`),
  );
  await waitFor(
    program,
    async () => (await admin.request('GET', '/readyz')).status === 200,
    START_TIMEOUT_MS,
    () => processes.isRunning(program),
  );
  return admin;
}

async function startControllers(
  processes: ProcessGroup,
  pki: ControlPlanePki,
  name: string,
  kubeconfigFile: string,
  argoCrdDir: string,
): Promise<void> {
  const certDir = join(processes.logDir, `${name}-certs`);
  const common = [
    `--kubeconfig=${kubeconfigFile}`,
    `--authentication-kubeconfig=${kubeconfigFile}`,
    `--authorization-kubeconfig=${kubeconfigFile}`,
    '--leader-elect=false',
    `--cert-dir=${certDir}`,
  ];
  processes.start(
    `${name}-kube-controller-manager`,
    join(processes.binDir, 'kube-controller-manager'),
    [
      ...common,
      `--secure-port=${await freePort()}`,
      `--cluster-name=${name}`,
      `--service-account-private-key-file=${pki.serviceAccountKeyFile}`,
      `--root-ca-file=${pki.ca.certFile}`,
      '--use-service-account-credentials=false',
    ],
  );
  processes.start(
    `${name}-kube-scheduler`,
    join(processes.binDir, 'kube-scheduler'),
    [...common, `--secure-port=${await freePort()}`],
  );
  processes.start(`${name}-kwok`, join(processes.binDir, 'kwok'), [
    `--kubeconfig=${kubeconfigFile}`,
    '--manage-all-nodes=false',
    '--manage-nodes-with-annotation-selector=kwok.x-k8s.io/node=fake',
    `--config=${kwokStageFiles(processes.binDir).join(',')}`,
    `--server-address=127.0.0.1:${await freePort()}`,
  ]);

  const admin = new KubeClient(adminCredentialsFromFile(kubeconfigFile, pki));
  await establishCrds(admin, [
    ...readArgoCrds(argoCrdDir),
    VIRTUAL_SERVICE_CRD,
  ]);
  processes.start(
    `${name}-argo-rollouts`,
    join(processes.binDir, 'argo-rollouts-controller'),
    [
      `--kubeconfig=${kubeconfigFile}`,
      '--leader-elect=false',
      `--metricsPort=${await freePort()}`,
      `--healthzPort=${await freePort()}`,
      '--loglevel=warn',
    ],
  );
}

function adminCredentialsFromFile(
  kubeconfigFile: string,
  pki: ControlPlanePki,
): KubeCredentials {
  const config = yaml.load(readFileSync(kubeconfigFile, 'utf8')) as any;
  return adminCredentials(pki, config.clusters[0].cluster.server);
}

/** Applies CRDs and waits until the API server serves each of them. */
async function establishCrds(admin: KubeClient, crds: KubeObject[]) {
  await applyManifests(admin, crds);
  for (const crd of crds) {
    await waitFor(
      `CRD ${crd.metadata!.name} established`,
      async () => {
        const { body } = await admin.request(
          'GET',
          `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${
            crd.metadata!.name
          }`,
        );
        return body?.status?.conditions?.some(
          (c: any) => c.type === 'Established' && c.status === 'True',
        );
      },
      START_TIMEOUT_MS,
    );
  }
}

function kwokStageFiles(binDir: string): string[] {
  const dir = join(binDir, 'kwok-stages');
  return readdirSync(dir)
    .filter(file => file.endsWith('.yaml'))
    .map(file => join(dir, file));
}

function readArgoCrds(dir: string): KubeObject[] {
  return readdirSync(dir)
    .filter(file => file.endsWith('.yaml'))
    .sort()
    .flatMap(
      file =>
        yaml.loadAll(readFileSync(join(dir, file), 'utf8')) as KubeObject[],
    )
    .filter(Boolean);
}

/**
 * Starts a real Kubernetes control plane per fleet cluster (one shared etcd, and per cluster a
 * kube-apiserver with RBAC, kube-controller-manager, kube-scheduler, kwok and the Argo Rollouts
 * controller), grants the portal's service account the shipped roles, registers the metrics
 * APIs served from the sandbox's load model, and seeds the fleet through the API.
 */
export async function startRealClusters(
  options: RealClustersOptions,
): Promise<RealClusters> {
  const { binDir, dataDir, fleet } = options;
  const pki = ensurePki(join(dataDir, 'pki'));
  const runDir = join(dataDir, 'run');
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });
  const processes = new ProcessGroup(binDir, runDir);
  const adapters: MetricsAdapter[] = [];
  const close = async () => {
    await Promise.all(adapters.map(adapter => adapter.close()));
    await processes.stopAll();
  };

  try {
    const etcdUrl = await startEtcd(processes, runDir);
    const specs = fleet.clusters.slice(
      0,
      options.clusters ?? fleet.clusters.length,
    );
    const clusters = await Promise.all(
      specs.map(async (spec): Promise<RealCluster> => {
        const admin = await startApiServer(processes, pki, spec.name, etcdUrl);
        const kubeconfigFile = join(runDir, `${spec.name}-admin.kubeconfig`);
        writeFileSync(
          kubeconfigFile,
          adminKubeconfig(pki, admin.credentials.url),
          { mode: 0o600 },
        );
        await startControllers(
          processes,
          pki,
          spec.name,
          kubeconfigFile,
          join(binDir, 'crds', 'argo-rollouts'),
        );
        const portal = await grantPortalAccess(admin);
        const metricsAdapter = await startMetricsAdapter({
          cluster: spec,
          api: {
            url: admin.credentials.url,
            caData: Buffer.from(pki.ca.certPem).toString('base64'),
            token: portal.metricsAdapterToken,
          },
          seed: options.seed,
        });
        adapters.push(metricsAdapter);
        await registerMetricsApis(admin, metricsAdapter.port);
        await seedFleet(admin, spec);
        return {
          name: spec.name,
          region: spec.region,
          spec,
          url: admin.credentials.url,
          caPem: pki.ca.certPem,
          admin,
          portal,
          metricsAdapter,
        };
      }),
    );
    for (const cluster of clusters) {
      await waitFor(
        `${cluster.name}: seeded workloads ready`,
        () => workloadsReady(cluster.admin, cluster.spec.namespace),
        options.readyTimeoutMs ?? 180_000,
      );
    }
    return {
      clusters,
      pki,
      kubeconfig: () => renderRealKubeconfig(clusters, pki),
      logFile: program => processes.logFile(program),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

function renderRealKubeconfig(
  clusters: RealCluster[],
  pki: ControlPlanePki,
): string {
  const caData = Buffer.from(pki.ca.certPem).toString('base64');
  const base64 = (pem: string) => Buffer.from(pem).toString('base64');
  return yaml.dump(
    {
      apiVersion: 'v1',
      kind: 'Config',
      clusters: clusters.map(c => ({
        name: c.name,
        cluster: { server: c.url, 'certificate-authority-data': caData },
      })),
      users: [
        ...clusters.map(c => ({
          name: `${c.name}-portal`,
          user: { token: c.portal.token },
        })),
        {
          name: 'admin',
          user: {
            'client-certificate-data': base64(pki.admin.certPem),
            'client-key-data': base64(pki.admin.keyPem),
          },
        },
      ],
      contexts: clusters.flatMap(c => [
        {
          name: c.name,
          context: {
            cluster: c.name,
            user: `${c.name}-portal`,
            namespace: c.spec.namespace,
          },
        },
        {
          name: `${c.name}-admin`,
          context: {
            cluster: c.name,
            user: 'admin',
            namespace: c.spec.namespace,
          },
        },
      ]),
      'current-context': clusters[0]?.name,
    },
    { lineWidth: -1 },
  );
}
