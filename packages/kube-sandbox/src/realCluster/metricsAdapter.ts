import { SimClock } from '../clock';
import { createCluster } from '../cluster/createCluster';
import type { ClusterSpec, SandboxCluster } from '../cluster/types';
import { createClusterTelemetry } from '../controllers/clusterTelemetry';
import { runControllers } from '../controllers/Simulation';
import { createAdvance, startRealTimeDriver } from '../driver';
import { listenDualProtocol } from '../listener';
import type { LoadModel, LoadModelOptions } from '../load';
import { createSelfSignedCertificate } from '../tls';
import { createAdapterRouter } from './adapterRouter';
import {
  ApiServerConnection,
  type ApiServerAccess,
} from './ApiServerConnection';
import { ClusterMirror } from './ClusterMirror';
import type { ReflectorLogger } from './ResourceReflector';

export interface MetricsAdapterOptions {
  /** The cluster's entry of the fleet file, as the sandbox seeds from it (`fleet.clusters[i]`). */
  cluster: ClusterSpec;
  /** The real cluster's API server, whose objects are mirrored (list and watch in all namespaces). */
  api: ApiServerAccess;
  /** Seed of the load model, as the sandbox's `--seed`. Default 1. */
  seed?: number;
  /** Applied over every service's load profile, e.g. `{ noise: 0, incidentRate: 0 }`. */
  load?: LoadModelOptions['overrides'];
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
  /** Where mirroring problems (API server unreachable, resource not served) are reported. Default: the console. */
  logger?: ReflectorLogger;
}

export interface MetricsAdapter {
  /** `https://host:port`: the APIServices' target, and the base of `/allocation` and `/metrics`. */
  readonly url: string;
  /** `http://host:port`: the same port answers plain HTTP, for OpenCost and Prometheus clients. */
  readonly httpUrl: string;
  readonly port: number;
  /** PEM of the self-signed certificate served (APIServices skip verification). */
  readonly caPem: string;
  /** The mirror: the real cluster's objects in a store, on a clock that reads the wall clock. */
  readonly cluster: SandboxCluster;
  /** The load model, e.g. for surges: `adapter.load.addSurge({ service, start, end, factor })`. */
  readonly load: LoadModel;
  /** Resolves once every mirrored resource has been listed once. */
  readonly synced: Promise<void>;
  close(): Promise<void>;
}

const consoleLogger: ReflectorLogger = {
  // eslint-disable-next-line no-console
  warn: message => console.warn(`metrics adapter: ${message}`),
};

/**
 * Serves the sandbox's metrics APIs (metrics.k8s.io, custom.metrics.k8s.io,
 * external.metrics.k8s.io), OpenCost and Prometheus for a real cluster, from the same load model,
 * so that its HPA controller scales on the load the sandbox's would.
 *
 * The real cluster's pods, nodes, Services, workloads and HPAs are mirrored into a store on which
 * only the telemetry runs: the real controllers, scheduler and kubelets act on the objects, the
 * adapter only reports what the pods they run are doing.
 */
export async function startMetricsAdapter(
  options: MetricsAdapterOptions,
): Promise<MetricsAdapter> {
  // The load model is a function of time: the mirror's clock is the real cluster's.
  const clock = new SimClock({ start: Date.now(), speed: 1 });
  const cluster = createCluster(options.cluster, {
    clock,
    seed: options.seed ?? 1,
  });
  const telemetry = createClusterTelemetry(cluster, { load: options.load });
  const simulation = runControllers(cluster, {
    controllers: [{ observe: telemetry.observe, reconcile: () => 0 }],
    beforeTick: telemetry.advance,
    routes: telemetry.routes,
    discovery: telemetry.discovery,
  });
  const driver = startRealTimeDriver(clock, createAdvance(clock, [simulation]));
  const mirror = ClusterMirror.start({
    store: cluster.store,
    connection: new ApiServerConnection(options.api),
    logger: options.logger ?? consoleLogger,
  });
  const stop = async () => {
    driver.stop();
    await mirror.stop();
    simulation.dispose?.();
  };

  const host = options.host ?? '127.0.0.1';
  const certificate = createSelfSignedCertificate({
    commonName: 'meschain-metrics-adapter',
    hosts: [...new Set(['localhost', '127.0.0.1', '::1', host])],
  });
  let listener;
  try {
    listener = await listenDualProtocol(
      createAdapterRouter({
        cluster,
        routes: simulation.routes,
        discovery: simulation.discovery,
      }),
      certificate,
      { port: options.port ?? 0, host },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  const hostPort = `${listener.address}:${listener.port}`;
  return {
    url: `https://${hostPort}`,
    httpUrl: `http://${hostPort}`,
    port: listener.port,
    caPem: certificate.certPem,
    cluster,
    load: telemetry.load,
    synced: mirror.synced,
    async close() {
      await listener.close();
      await stop();
    },
  };
}
