import type { Pod } from '../controllers/kinds';
import {
  isPodActive,
  isPodReady,
  podRequests,
  serviceNameOf,
  type ResourceAmounts,
} from '../controllers/pods';
import type { LoadModel, PodUsage, ServiceLoad } from '../load';
import { resourceUsage, type ResourceUsage } from '../load/dependencies';
import type { ObjectStore, StoreEvent } from '../store/types';

/** One pod at the sampled instant. `usage` is absent until it runs, as metrics-server reports it. */
export interface PodSnapshot {
  pod: Pod;
  service: string;
  requests: ResourceAmounts;
  usage?: PodUsage;
}

/** The whole service at the sampled instant, over its running pods. */
export interface ServiceSnapshot {
  service: string;
  load: ServiceLoad;
  readyPods: number;
  requestsPerSecond: number;
  queueLength: number;
  dbConnections: number;
  /** Request-weighted mean of the pods' p95 latencies. */
  p95LatencyMs: number;
  errorRatio: number;
  cpuCores: number;
  memoryBytes: number;
}

export interface UsageSnapshot {
  at: number;
  pods: readonly PodSnapshot[];
  pod(namespace: string, name: string): PodSnapshot | undefined;
  service(name: string): ServiceSnapshot | undefined;
  services(): readonly ServiceSnapshot[];
  /** The databases, caches and queues of the cluster, under the load of the services using them. */
  resources(): readonly ResourceUsage[];
}

/**
 * What every pod and service of a cluster is doing at an instant, from the load model. Traffic is
 * split over a service's ready pods across namespaces and ReplicaSets (canary and stable pods share
 * it, as behind one Service). Cached per instant and pod version: the HPA controller, the
 * metrics APIs and /metrics of one tick all read the same snapshot.
 */
export class UsageSampler {
  readonly #store: ObjectStore;
  readonly #load: LoadModel;
  #cached?: { at: number; podsVersion: number; snapshot: UsageSnapshot };
  /** Bumped on every pod change: only pods (not HPA or Rollout status writes) invalidate a snapshot. */
  #podsVersion = 0;

  constructor(store: ObjectStore, load: LoadModel) {
    this.#store = store;
    this.#load = load;
  }

  get load(): LoadModel {
    return this.#load;
  }

  /** Fed every store event by the simulation. */
  observe(event: StoreEvent): void {
    if (event.resource === 'pods') this.#podsVersion++;
  }

  snapshot(at: number): UsageSnapshot {
    if (
      this.#cached &&
      this.#cached.at === at &&
      this.#cached.podsVersion === this.#podsVersion
    ) {
      return this.#cached.snapshot;
    }
    const snapshot = this.#sample(at);
    this.#cached = { at, podsVersion: this.#podsVersion, snapshot };
    return snapshot;
  }

  #sample(at: number): UsageSnapshot {
    const active = (this.#store.list('pods').items as Pod[]).filter(
      isPodActive,
    );
    const readyByService = new Map<string, number>();
    const serviceOf = new Map<Pod, string>();
    for (const pod of active) {
      const service = serviceNameOf(pod.metadata.labels, pod.metadata.name);
      serviceOf.set(pod, service);
      if (isPodReady(pod))
        readyByService.set(service, (readyByService.get(service) ?? 0) + 1);
    }

    const pods: PodSnapshot[] = active.map(pod => {
      const service = serviceOf.get(pod)!;
      const running = pod.status?.phase === 'Running';
      return {
        pod,
        service,
        requests: podRequests(pod.spec.containers),
        usage: running
          ? this.#load.podUsage({
              service,
              podName: pod.metadata.name,
              ready: isPodReady(pod),
              readyPods: readyByService.get(service) ?? 0,
              at,
            })
          : undefined,
      };
    });

    const byKey = new Map(
      pods.map(p => [`${p.pod.metadata.namespace}/${p.pod.metadata.name}`, p]),
    );
    const services = summarize(pods, readyByService, service =>
      this.#load.serviceLoad(service, at),
    );
    let resources: ResourceUsage[] | undefined;
    return {
      at,
      pods,
      pod: (namespace, name) => byKey.get(`${namespace}/${name}`),
      service: name => services.get(name),
      services: () => [...services.values()],
      resources: () =>
        (resources ??= this.#load
          .dependencies()
          .map(({ resource, dependents }) =>
            resourceUsage(
              resource,
              dependents.map(name => {
                const service = services.get(name);
                return {
                  requestsPerSecond: service?.requestsPerSecond ?? 0,
                  peakRequestsPerSecond: this.#load.profile(name).peakRps,
                  dbConnections: service?.dbConnections ?? 0,
                  queueLength: service?.queueLength ?? 0,
                };
              }),
            ),
          )),
    };
  }
}

function summarize(
  pods: readonly PodSnapshot[],
  readyByService: ReadonlyMap<string, number>,
  loadOf: (service: string) => ServiceLoad,
): Map<string, ServiceSnapshot> {
  const services = new Map<string, ServiceSnapshot>();
  const latencyWeight = new Map<string, number>();
  for (const { service, usage } of pods) {
    let totals = services.get(service);
    if (!totals) {
      totals = {
        service,
        load: loadOf(service),
        readyPods: readyByService.get(service) ?? 0,
        requestsPerSecond: 0,
        queueLength: 0,
        dbConnections: 0,
        p95LatencyMs: 0,
        errorRatio: 0,
        cpuCores: 0,
        memoryBytes: 0,
      };
      services.set(service, totals);
    }
    if (!usage) continue;
    totals.requestsPerSecond += usage.requestsPerSecond;
    totals.queueLength += usage.queueLength;
    totals.dbConnections += usage.dbConnections;
    totals.cpuCores += usage.cpuCores;
    totals.memoryBytes += usage.memoryBytes;
    totals.p95LatencyMs += usage.p95LatencyMs * usage.requestsPerSecond;
    totals.errorRatio += usage.errorRatio * usage.requestsPerSecond;
    latencyWeight.set(
      service,
      (latencyWeight.get(service) ?? 0) + usage.requestsPerSecond,
    );
  }
  for (const totals of services.values()) {
    const weight = latencyWeight.get(totals.service) ?? 0;
    totals.p95LatencyMs = weight > 0 ? totals.p95LatencyMs / weight : 0;
    totals.errorRatio = weight > 0 ? totals.errorRatio / weight : 0;
  }
  return services;
}
