import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Fleet } from '../cluster/fleet';
import type { ClusterSpec } from '../cluster/types';
import type { KubeClient } from './kubeClient';
import { adminKubeconfig, renderRealKubeconfig } from './kubeconfigs';
import {
  startMetricsAdapter,
  type MetricsAdapter,
  type MetricsAdapterOptions,
} from './metricsAdapter';
import { registerMetricsApis } from './metricsApis';
import { ensurePki, type ControlPlanePki } from './pki';
import { grantPortalAccess, type PortalAccess } from './portalAccess';
import { ProcessGroup, waitFor } from './processes';
import {
  startApiServer,
  startControllers,
  startEtcd,
  type ControllerSettings,
} from './programs';
import { seedFleet, workloadsReady } from './seedFleet';

export interface RealClustersOptions extends ControllerSettings {
  /** Where `tools/real-cluster/build.sh` put the programs. */
  binDir: string;
  /** Certificates (kept between runs), etcd's data and the programs' logs (both started anew). */
  dataDir: string;
  fleet: Fleet;
  /** How many of the fleet's clusters to start, in fleet order. Default: all. */
  clusters?: number;
  /** The load model's seed, as the sandbox's `--seed`. */
  seed?: number;
  /** Applied over every service's load profile by the metrics adapters, e.g. `{ noise: 0 }`. */
  load?: MetricsAdapterOptions['load'];
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
          admin,
          spec.name,
          kubeconfigFile,
          { hpaSyncPeriodMs: options.hpaSyncPeriodMs },
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
          load: options.load,
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
