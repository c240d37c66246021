import { randomBytes } from 'node:crypto';
import { ClusterApi } from './api/ClusterApi';
import { CLUSTERS_PREFIX, createSandboxRouter } from './api/sandboxRouter';
import { SimClock } from './clock';
import { createCluster } from './cluster/createCluster';
import { loadFleet, type Fleet } from './cluster/fleet';
import { seedCluster } from './cluster/seed';
import type {
  AttachSimulation,
  ClusterSimulation,
  SandboxCluster,
} from './cluster/types';
import {
  attachSimulation,
  createSimulation,
  type SandboxSimulation,
} from './controllers';
import type { LoadModel } from './load';
import { createAdvance, startRealTimeDriver } from './driver';
import { FaultInjector } from './faults';
import { listenDualProtocol } from './listener';
import { createSelfSignedCertificate } from './tls';
import { renderKubeconfig } from './kubeconfig';

export interface SandboxOptions {
  /** The fleet; defaults to `fleet/default.yaml`. */
  fleet?: Fleet;
  port?: number;
  host?: string;
  /** Seed of every random choice (uids, names, load noise). Default 1. */
  seed?: number;
  /** Simulated ms per real ms. 0 stops real-time driving: time moves only with `advance` (tests). Default 1. */
  speed?: number;
  /** Simulated time at start. */
  startTime?: number;
  /** Simulated time run before serving, so that pods are up when the first client looks. Default 60 s. */
  warmUpMs?: number;
  /** Bearer token of the `/_sandbox/` admin endpoints. Random when not given. */
  adminToken?: string;
  /** The controllers; defaults to the full simulation. */
  attach?: AttachSimulation;
  /**
   * How often the Prometheus HTTP counters integrate the load, in simulated ms (ignored with
   * `attach`). Default 1 s when running in real time (0 < speed <= 1), so that a real Prometheus
   * scraping every few seconds reads exact rates; 15 s otherwise.
   */
  trafficStepMs?: number;
  /** Leave the clusters empty (no namespaces, nodes or services). */
  empty?: boolean;
  /** Answer aggregated discovery requests (default true); false serves only the legacy documents. */
  aggregatedDiscovery?: boolean;
}

export interface Sandbox {
  /** `https://host:port`, without a cluster path. The same port also answers plain HTTP. */
  readonly url: string;
  /** `http://host:port`, for clients that send tokens over plain HTTP (not kubectl). */
  readonly httpUrl: string;
  readonly port: number;
  /** PEM of the self-signed certificate the HTTPS side presents; the kubeconfig trusts it. */
  readonly caPem: string;
  readonly clusters: ReadonlyMap<string, SandboxCluster>;
  readonly simulations: ReadonlyMap<string, ClusterSimulation>;
  readonly clock: SimClock;
  readonly faults: FaultInjector;
  readonly adminToken: string;
  /** The base URL of one cluster's API: `https://host:port/clusters/<name>` (or `http:`). */
  clusterUrl(name: string, protocol?: 'https' | 'http'): string;
  cluster(name: string): SandboxCluster;
  /**
   * One cluster's load model, for tests that script traffic (`holdRate`, `addSurge`) or faults
   * (`setFault`). Throws when the cluster's simulation has none.
   */
  loadModel(name: string): LoadModel;
  /** Moves simulated time forward in steps of at most 1 s, ticking every cluster's simulation after each. */
  advance(ms: number): void;
  kubeconfig(currentContext?: string): string;
  close(): Promise<void>;
}

/** The counters' integration step when simulated time follows the wall clock. */
const REAL_TIME_TRAFFIC_STEP_MS = 1000;

/** Builds the fleet's clusters, seeds them and serves them all from one HTTP server. */
export async function startSandbox(
  options: SandboxOptions = {},
): Promise<Sandbox> {
  const fleet = options.fleet ?? loadFleet();
  const speed = options.speed ?? 1;
  const clock = new SimClock({ start: options.startTime, speed });
  const seed = options.seed ?? 1;
  const trafficStepMs =
    options.trafficStepMs ??
    (speed > 0 && speed <= 1 ? REAL_TIME_TRAFFIC_STEP_MS : undefined);
  const attach =
    options.attach ??
    (trafficStepMs === undefined
      ? attachSimulation
      : createSimulation({ trafficStepMs }));
  const faults = new FaultInjector();
  const adminToken = options.adminToken ?? randomBytes(16).toString('hex');

  const clusters = new Map<string, SandboxCluster>();
  const simulations = new Map<string, ClusterSimulation>();
  const apis = new Map<string, ClusterApi>();
  for (const spec of fleet.clusters) {
    const cluster = createCluster(spec, { clock, seed });
    // Attached before seeding: the controllers learn about seeded objects from their watch events.
    const simulation = attach(cluster);
    const api = new ClusterApi(cluster, simulation, {
      aggregatedDiscovery: options.aggregatedDiscovery,
    });
    if (!options.empty) seedCluster(cluster, api.allocator);
    clusters.set(spec.name, cluster);
    simulations.set(spec.name, simulation);
    apis.set(spec.name, api);
  }

  const seededAt = clock.now();
  const advance = createAdvance(clock, [...simulations.values()]);
  advance(options.warmUpMs ?? 60_000);
  if (fleet.historyMs && !options.empty) {
    const seedHistory = {
      runningSince: seededAt - fleet.historyMs,
      seededUntil: clock.now(),
    };
    for (const cluster of clusters.values()) cluster.seedHistory = seedHistory;
  }

  const loadModel = (name: string): LoadModel | undefined =>
    (simulations.get(name) as Partial<SandboxSimulation> | undefined)?.load;

  let hostPort = '';
  const clusterUrl = (name: string, protocol: 'https' | 'http' = 'https') =>
    `${protocol}://${hostPort}${CLUSTERS_PREFIX}${encodeURIComponent(name)}`;

  const certificate = createSelfSignedCertificate();
  const listener = await listenDualProtocol(
    createSandboxRouter({
      apis,
      faults,
      admin: {
        adminToken,
        clusters,
        loadModel,
        faults,
        clock,
        clusterUrl,
        advance,
      },
    }),
    certificate,
    { port: options.port ?? 0, host: options.host ?? '127.0.0.1' },
  );
  hostPort = `${listener.address}:${listener.port}`;

  const driver = startRealTimeDriver(clock, advance);

  return {
    url: `https://${hostPort}`,
    httpUrl: `http://${hostPort}`,
    port: listener.port,
    caPem: certificate.certPem,
    clusters,
    simulations,
    clock,
    faults,
    adminToken,
    clusterUrl,
    cluster(name: string) {
      const cluster = clusters.get(name);
      if (!cluster) throw new Error(`no cluster named "${name}"`);
      return cluster;
    },
    loadModel(name: string) {
      const load = loadModel(name);
      if (!load) throw new Error(`cluster "${name}" runs no load model`);
      return load;
    },
    advance,
    kubeconfig: (currentContext?: string) =>
      renderKubeconfig([...clusters.values()], {
        clusterUrl,
        caPem: certificate.certPem,
        currentContext,
      }),
    async close() {
      driver.stop();
      for (const simulation of simulations.values()) simulation.dispose?.();
      await listener.close();
    },
  };
}
