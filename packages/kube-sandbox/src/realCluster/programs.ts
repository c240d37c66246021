import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import type { KubeObject } from '../store/types';
import { applyManifests, KubeClient, type KubeCredentials } from './kubeClient';
import type { ControlPlanePki } from './pki';
import { freePort, type ProcessGroup, waitFor } from './processes';
import { KWOK_NODE_ANNOTATION } from './seedFleet';
import { VIRTUAL_SERVICE_CRD } from './trafficRouting';

const START_TIMEOUT_MS = 120_000;

function adminCredentials(pki: ControlPlanePki, url: string): KubeCredentials {
  return {
    url,
    caPem: pki.ca.certPem,
    certPem: pki.admin.certPem,
    keyPem: pki.admin.keyPem,
  };
}

/** Starts the etcd every cluster keeps its objects in; resolves to its client URL. */
export async function startEtcd(
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

/** Starts a cluster's API server; resolves to an admin client once it is ready. */
export async function startApiServer(
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

/** Settings of a cluster's controllers that tests may change; left out, upstream's defaults. */
export interface ControllerSettings {
  /** `--horizontal-pod-autoscaler-sync-period` of kube-controller-manager (upstream: 15 s). */
  hpaSyncPeriodMs?: number;
}

/**
 * Starts a cluster's controller manager, scheduler, kwok and, once its CRDs are served, the
 * Argo Rollouts controller, all as `admin` through `kubeconfigFile`.
 */
export async function startControllers(
  processes: ProcessGroup,
  pki: ControlPlanePki,
  admin: KubeClient,
  name: string,
  kubeconfigFile: string,
  settings: ControllerSettings = {},
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
      ...(settings.hpaSyncPeriodMs
        ? [
            `--horizontal-pod-autoscaler-sync-period=${settings.hpaSyncPeriodMs}ms`,
          ]
        : []),
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
    `--manage-nodes-with-annotation-selector=${KWOK_NODE_ANNOTATION}=fake`,
    `--config=${kwokStageFiles(processes.binDir).join(',')}`,
    `--server-address=127.0.0.1:${await freePort()}`,
  ]);

  await establishCrds(admin, [
    ...readArgoCrds(join(processes.binDir, 'crds', 'argo-rollouts')),
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
