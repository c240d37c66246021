import type {
  ClusterSpec,
  DiscoveryGroup,
  SandboxCluster,
  SandboxRoute,
} from '../cluster/types';
import { LoadModel, type LoadModelOptions } from '../load';
import {
  METRICS_DISCOVERY,
  metricsRoutes,
  TrafficCounters,
  UsageSampler,
} from '../metrics';
import { allocationRoutes } from '../opencost';
import type { StoreEvent } from '../store/types';

/**
 * A DR region is a warm standby: it sees health checks and replication, not customers, until a
 * failover. Its services carry this share of their primary traffic.
 */
const DR_TRAFFIC_SHARE = 0.05;

/**
 * What monitoring reports about one cluster — metrics-server, prometheus-adapter, Prometheus and
 * OpenCost — from the load model and the pods in the cluster's store. The sandbox's simulation
 * runs it beside its controllers; the real cluster's metrics adapter runs it alone on a mirror.
 */
export interface ClusterTelemetry {
  load: LoadModel;
  usage: UsageSampler;
  /** The metrics APIs, `/metrics` and OpenCost's `/allocation`. */
  routes: SandboxRoute[];
  discovery: DiscoveryGroup[];
  /** To be fed every event of the cluster's store. */
  observe(event: StoreEvent): void;
  /** Integrates the Prometheus counters up to `now`; to be called on every tick. */
  advance(now: number): void;
}

/**
 * The load model the sandbox runs for one cluster of its fleet. With the cluster's seed
 * (`clusterRandom(sandboxSeed, name).seed`) it gives the traffic, surges and incidents that
 * cluster shows, so a test can tell ahead which service will be healthy.
 */
export function clusterLoadModel(
  spec: ClusterSpec,
  options: { seed: number; overrides?: LoadModelOptions['overrides'] },
): LoadModel {
  return new LoadModel({
    seed: options.seed,
    cluster: spec.name,
    region: spec.region,
    services: spec.services,
    resources: spec.resources,
    trafficShare: spec.role === 'dr' ? DR_TRAFFIC_SHARE : 1,
    overrides: options.overrides,
  });
}

export function createClusterTelemetry(
  cluster: SandboxCluster,
  options: {
    load?: LoadModelOptions['overrides'];
    /** Integration step of the Prometheus counters (see `TrafficCounters`). */
    trafficStepMs?: number;
  } = {},
): ClusterTelemetry {
  const load = clusterLoadModel(cluster.spec, {
    seed: cluster.random.seed,
    overrides: options.load,
  });
  const usage = new UsageSampler(cluster.store, load);
  const counters = new TrafficCounters(usage, options.trafficStepMs);
  return {
    load,
    usage,
    routes: [...metricsRoutes(usage, counters), ...allocationRoutes(load)],
    discovery: METRICS_DISCOVERY,
    observe: event => usage.observe(event),
    advance: now => counters.advance(now),
  };
}
