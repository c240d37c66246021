import type { ResourceSpec, ServiceSpec } from '../cluster/types';
import { hashUnit } from '../random';
import { diurnalShape, valueNoise } from './curves';
import { incidentAt, type Incident } from './incidents';
import {
  profileFromSpec,
  UNKNOWN_WORKLOAD_PROFILE,
  type ServiceLoadProfile,
} from './profiles';
import { localHourOfDay } from './regionTime';

/** The traffic reaching one service in one cluster at one instant. */
export interface ServiceLoad {
  requestsPerSecond: number;
  incident?: Incident;
  /** The fault injected into the service at this instant, if any. */
  fault?: ServiceFault;
  /** Latency of the marketplace APIs the service calls; 0 for services that call none. */
  marketplaceApiLatencyMs: number;
}

/** What one pod is doing at one instant. */
export interface PodUsage {
  cpuCores: number;
  memoryBytes: number;
  requestsPerSecond: number;
  p95LatencyMs: number;
  /** Share of requests that fail, 0–1. */
  errorRatio: number;
  /** Messages waiting for this pod (0 for services that consume no queue). */
  queueLength: number;
  dbConnections: number;
}

export interface PodLoadQuery {
  service: string;
  podName: string;
  /** Whether the pod receives traffic; unready pods only idle. */
  ready: boolean;
  /** How many ready pods of the service share its traffic. */
  readyPods: number;
  at: number;
}

export interface LoadModelOptions {
  seed: number;
  cluster: string;
  region: string;
  services: readonly ServiceSpec[];
  /** The databases, caches and queues the services depend on (`ServiceSpec.dependsOn`). */
  resources?: readonly ResourceSpec[];
  /** Share of each service's traffic this cluster receives (1 for a primary region). Default 1. */
  trafficShare?: number;
  /** Applied over every profile, e.g. `{ noise: 0, incidentRate: 0 }` for a flat test load. */
  overrides?: Partial<ServiceLoadProfile> & { podImbalance?: number };
}

/** A deliberate change of one service's traffic over an interval, for demos and tests. */
export interface LoadSurge {
  service: string;
  start: number;
  end: number;
  /** Multiplies the request rate: 3 triples it, 0.25 quarters it. */
  factor: number;
}

/**
 * A scripted request rate for one service from `start` until the service's next hold: the same
 * figure on two clusters whatever their clocks read, for tests that compare them.
 */
export interface LoadHold {
  service: string;
  start: number;
  /**
   * The whole service's request rate in this cluster, in place of the diurnal curve, noise,
   * incidents' traffic, surges and traffic share; left out, the model's rate again.
   */
  requestsPerSecond?: number;
}

/** A service made to misbehave on purpose, for demos, alert tests and the detection benchmark. */
export interface ServiceFault {
  /** Share of requests that fail with a 5xx, 0–1, on top of the modelled errors. */
  errorRatio?: number;
  /** Multiplies every request's latency (>= 1). */
  latencyFactor?: number;
}

/** A fault from `start` until the service's next one; `fault` absent clears it. */
interface ScheduledFault {
  start: number;
  fault?: ServiceFault;
}

/** How unevenly a load balancer spreads requests over pods (±5 % by default). */
const DEFAULT_POD_IMBALANCE = 0.1;
/** Share of requests that fail on a healthy service: well inside a 99.9 % availability objective. */
const BASELINE_ERROR_RATIO = 0.0002;
/** Saturation beyond which latency is computed as if at this value, to keep it finite. */
const MAX_SATURATION = 0.95;

/**
 * Synthetic per-service load: a diurnal curve in the region's local time, slow seeded noise and
 * occasional incidents. Every figure is a pure function of (seed, cluster, service, pod, time), so
 * the HPA controller, the metrics endpoints and the cost endpoint all see the same world.
 */
export class LoadModel {
  readonly #options: LoadModelOptions;
  readonly #profiles = new Map<string, ServiceLoadProfile>();
  readonly #podImbalance: number;
  readonly #surges: LoadSurge[] = [];
  /** Each service's holds, in the order they start. */
  readonly #holds = new Map<string, LoadHold[]>();
  /** Each service's faults, in the order they start. */
  readonly #faults = new Map<string, ScheduledFault[]>();
  /** Service loads of the last instant asked for: a snapshot asks once per pod, at one instant. */
  #loadCache: { at: number; byService: Map<string, ServiceLoad> } = {
    at: NaN,
    byService: new Map(),
  };
  /** Each pod's fixed share of the load balancer's imbalance, by name. */
  readonly #imbalance = new Map<string, number>();

  constructor(options: LoadModelOptions) {
    this.#options = options;
    this.#podImbalance =
      options.overrides?.podImbalance ?? DEFAULT_POD_IMBALANCE;
    for (const service of options.services) {
      this.#profiles.set(service.name, {
        ...profileFromSpec(service),
        ...options.overrides,
      });
    }
  }

  profile(service: string): ServiceLoadProfile {
    let profile = this.#profiles.get(service);
    if (!profile) {
      profile = { ...UNKNOWN_WORKLOAD_PROFILE, ...this.#options.overrides };
      this.#profiles.set(service, profile);
    }
    return profile;
  }

  /** Adds a surge (or a lull, with a factor below 1); the model stays a function of its inputs. */
  addSurge(surge: LoadSurge): void {
    this.#surges.push(surge);
    this.#loadCache = { at: NaN, byService: new Map() };
  }

  /** Holds a service's request rate at a scripted figure (see {@link LoadHold}). */
  holdRate(hold: LoadHold): void {
    const holds = [...(this.#holds.get(hold.service) ?? []), hold].sort(
      (a, b) => a.start - b.start,
    );
    this.#holds.set(hold.service, holds);
    this.#loadCache = { at: NaN, byService: new Map() };
  }

  /**
   * Injects a fault into a service from `start` on (`undefined` clears it). Like holds, faults
   * are part of the model's inputs: times before `start` keep their figures.
   */
  setFault(service: string, start: number, fault?: ServiceFault): void {
    const faults = [
      ...(this.#faults.get(service) ?? []),
      { start, fault },
    ].sort((a, b) => a.start - b.start);
    this.#faults.set(service, faults);
    this.#loadCache = { at: NaN, byService: new Map() };
  }

  /** The fault a service has at `at`, if any. */
  faultAt(service: string, at: number): ServiceFault | undefined {
    let current: ServiceFault | undefined;
    for (const scheduled of this.#faults.get(service) ?? []) {
      if (scheduled.start > at) break;
      current = scheduled.fault;
    }
    return current;
  }

  /** The services with a fault at `at`. */
  faultsAt(at: number): Map<string, ServiceFault> {
    const faults = new Map<string, ServiceFault>();
    for (const service of this.#faults.keys()) {
      const fault = this.faultAt(service, at);
      if (fault) faults.set(service, fault);
    }
    return faults;
  }

  /** The databases, caches and queues of the cluster, with the services that use each. */
  dependencies(): { resource: ResourceSpec; dependents: string[] }[] {
    return (this.#options.resources ?? []).map(resource => ({
      resource,
      dependents: this.#options.services
        .filter(service => service.dependsOn?.includes(resource.name))
        .map(service => service.name),
    }));
  }

  serviceLoad(service: string, at: number): ServiceLoad {
    if (this.#loadCache.at !== at)
      this.#loadCache = { at, byService: new Map() };
    let load = this.#loadCache.byService.get(service);
    if (!load) {
      load = this.#computeServiceLoad(service, at);
      this.#loadCache.byService.set(service, load);
    }
    return load;
  }

  #computeServiceLoad(service: string, at: number): ServiceLoad {
    const profile = this.profile(service);
    const { seed, cluster, region } = this.#options;
    const label = `${cluster}/${service}`;
    const daily = diurnalShape(localHourOfDay(at, region));
    const noise = 1 + profile.noise * valueNoise(seed, label, at);
    const incident = incidentAt(seed, label, profile.incidentRate, at);
    const surge =
      (incident?.trafficFactor ?? 1) * this.#surgeFactor(service, at);
    const share = this.#options.trafficShare ?? 1;
    const rps =
      this.#heldRate(service, at) ??
      (profile.baseRps + (profile.peakRps - profile.baseRps) * daily) *
        noise *
        surge *
        share;
    const marketplaceApiLatencyMs =
      profile.marketplaceApiLatencyMs *
      (1 + 0.3 * daily) *
      noise *
      (incident?.latencyFactor ?? 1);
    return {
      requestsPerSecond: Math.max(0, rps),
      incident,
      fault: this.faultAt(service, at),
      marketplaceApiLatencyMs,
    };
  }

  #imbalanceDraw(podName: string): number {
    let draw = this.#imbalance.get(podName);
    if (draw === undefined) {
      // Pod names churn with every rollout; forgetting them all now and then bounds the memory.
      if (this.#imbalance.size > 100_000) this.#imbalance.clear();
      draw = hashUnit(this.#options.seed, 'pod', podName);
      this.#imbalance.set(podName, draw);
    }
    return draw;
  }

  #heldRate(service: string, at: number): number | undefined {
    const holds = this.#holds.get(service);
    if (!holds) return undefined;
    let held: number | undefined;
    for (const hold of holds) {
      if (hold.start > at) break;
      held = hold.requestsPerSecond;
    }
    return held;
  }

  #surgeFactor(service: string, at: number): number {
    let factor = 1;
    for (const surge of this.#surges) {
      if (surge.service === service && surge.start <= at && at < surge.end)
        factor *= surge.factor;
    }
    return factor;
  }

  podUsage(query: PodLoadQuery): PodUsage {
    const profile = this.profile(query.service);
    const load = this.serviceLoad(query.service, query.at);
    const share = query.ready && query.readyPods > 0 ? 1 / query.readyPods : 0;
    const imbalance =
      1 + this.#podImbalance * (this.#imbalanceDraw(query.podName) - 0.5);
    const rps = load.requestsPerSecond * share * imbalance;

    const cpuDemand = profile.idleCpuCores + profile.cpuCoresPerRps * rps;
    const saturation =
      profile.cpuCapacityCores > 0 ? cpuDemand / profile.cpuCapacityCores : 0;
    const bounded = Math.min(saturation, MAX_SATURATION);
    const slowdown =
      Math.sqrt(load.incident?.latencyFactor ?? 1) *
      (load.fault?.latencyFactor ?? 1);
    const p95LatencyMs =
      profile.baseLatencyMs * (1 + (0.6 * bounded) / (1 - bounded)) * slowdown;
    const modelledErrors = Math.min(
      0.5,
      BASELINE_ERROR_RATIO +
        Math.max(0, saturation - 0.9) * 0.5 +
        (load.incident ? 0.01 : 0),
    );
    // An injected error ratio fails that share of the requests the service would have served.
    const injected = load.fault?.errorRatio ?? 0;
    const errorRatio =
      injected > 0 ? 1 - (1 - modelledErrors) * (1 - injected) : modelledErrors;
    const overload = Math.max(0, saturation - 1);
    const queueLength = profile.consumesQueue
      ? rps * ((p95LatencyMs - profile.baseLatencyMs) / 1000) * 4 +
        overload * rps * 60
      : 0;

    return {
      cpuCores: Math.min(cpuDemand, profile.cpuCapacityCores),
      memoryBytes: profile.idleMemoryBytes + profile.memoryBytesPerRps * rps,
      requestsPerSecond: rps,
      p95LatencyMs,
      errorRatio,
      queueLength,
      dbConnections:
        2 +
        rps *
          (profile.dbMillisPerRequest / 1000) *
          (p95LatencyMs / profile.baseLatencyMs),
    };
  }
}
