import type { ServiceSpec } from '../cluster/types';
import { parseQuantity } from '../metrics/quantity';

/**
 * How one service behaves under load. Resource figures are calibrated from the fleet file so that
 * the seeded replica count runs near `PEAK_CPU_UTILIZATION` of its CPU request at the daily peak:
 * above a 70 % HPA target in the afternoon, well below it at night, so the HPAs visibly work.
 */
export interface ServiceLoadProfile {
  /** Whole-service request rate (per second) at the daily peak. */
  peakRps: number;
  /** Whole-service request rate at the daily trough. */
  baseRps: number;
  /** Expected incidents per day. */
  incidentRate: number;
  /** Relative amplitude of the slow noise on the request rate (0.08 = ±8 %). */
  noise: number;
  /** CPU a pod uses with no traffic. */
  idleCpuCores: number;
  /** Extra CPU per request per second a pod serves. */
  cpuCoresPerRps: number;
  /** Memory a pod uses with no traffic. */
  idleMemoryBytes: number;
  /** Extra memory per request per second a pod serves (buffers, caches, in-flight requests). */
  memoryBytesPerRps: number;
  /** CPU at which a pod saturates (its limit, or twice its request without one). */
  cpuCapacityCores: number;
  /** p95 latency with an idle pod. */
  baseLatencyMs: number;
  /** Time one request holds a database connection. */
  dbMillisPerRequest: number;
  /** Whether the service consumes a work queue whose backlog is a metric. */
  consumesQueue: boolean;
  /** Latency of the third-party marketplace APIs the service calls (0 when it calls none). */
  marketplaceApiLatencyMs: number;
}

const PEAK_CPU_UTILIZATION = 0.85;
const PEAK_MEMORY_UTILIZATION = 0.75;
const IDLE_CPU_SHARE = 0.1;
const IDLE_MEMORY_SHARE = 0.45;

/** Traits of the MesChain services that the fleet file does not carry. */
const SERVICE_TRAITS: Record<string, Partial<ServiceLoadProfile>> = {
  user: { baseLatencyMs: 45, dbMillisPerRequest: 8 },
  product: { baseLatencyMs: 60, dbMillisPerRequest: 12 },
  order: { baseLatencyMs: 120, dbMillisPerRequest: 25, consumesQueue: true },
  marketplace: {
    baseLatencyMs: 180,
    dbMillisPerRequest: 10,
    consumesQueue: true,
    marketplaceApiLatencyMs: 140,
  },
  analytics: {
    baseLatencyMs: 250,
    dbMillisPerRequest: 40,
    consumesQueue: true,
  },
  notification: {
    baseLatencyMs: 90,
    dbMillisPerRequest: 5,
    consumesQueue: true,
  },
  logging: { baseLatencyMs: 30, dbMillisPerRequest: 2 },
  monitoring: { baseLatencyMs: 35, dbMillisPerRequest: 3 },
};

/** Strips a `-service` suffix so that `order-service` and `order` share traits. */
function traitsFor(serviceName: string): Partial<ServiceLoadProfile> {
  return SERVICE_TRAITS[serviceName.replace(/-(service|svc|api)$/, '')] ?? {};
}

export function profileFromSpec(service: ServiceSpec): ServiceLoadProfile {
  const cpuRequest = parseQuantity(service.resources.requests.cpu) || 0.1;
  const memoryRequest =
    parseQuantity(service.resources.requests.memory) || 128 * 2 ** 20;
  const cpuLimit = parseQuantity(service.resources.limits?.cpu);
  const replicas = Math.max(1, service.replicas);
  const peakRps = service.load?.peakRps ?? 10 * replicas;
  const baseRps = service.load?.baseRps ?? peakRps * 0.25;
  const rpsPerPodAtPeak = peakRps / replicas;
  const idleCpuCores = cpuRequest * IDLE_CPU_SHARE;
  const idleMemoryBytes = memoryRequest * IDLE_MEMORY_SHARE;
  const traits = traitsFor(service.name);
  return {
    peakRps,
    baseRps,
    incidentRate: service.load?.incidentRate ?? 0.5,
    noise: 0.08,
    idleCpuCores,
    cpuCoresPerRps:
      rpsPerPodAtPeak > 0
        ? (cpuRequest * PEAK_CPU_UTILIZATION - idleCpuCores) / rpsPerPodAtPeak
        : 0,
    idleMemoryBytes,
    memoryBytesPerRps:
      rpsPerPodAtPeak > 0
        ? (memoryRequest * PEAK_MEMORY_UTILIZATION - idleMemoryBytes) /
          rpsPerPodAtPeak
        : 0,
    cpuCapacityCores:
      Number.isFinite(cpuLimit) && cpuLimit > 0 ? cpuLimit : cpuRequest * 2,
    baseLatencyMs: 80,
    dbMillisPerRequest: 10,
    consumesQueue: false,
    marketplaceApiLatencyMs: 0,
    ...traits,
  };
}

/** A light profile for workloads the fleet file does not describe (e.g. created with kubectl). */
export const UNKNOWN_WORKLOAD_PROFILE: ServiceLoadProfile = {
  peakRps: 4,
  baseRps: 1,
  incidentRate: 0,
  noise: 0.05,
  idleCpuCores: 0.005,
  cpuCoresPerRps: 0.01,
  idleMemoryBytes: 32 * 2 ** 20,
  memoryBytesPerRps: 2 * 2 ** 20,
  cpuCapacityCores: 0.5,
  baseLatencyMs: 50,
  dbMillisPerRequest: 0,
  consumesQueue: false,
  marketplaceApiLatencyMs: 0,
};
