import type { SandboxCluster } from '../cluster/types';
import type { Pod, ReplicaSet, Service } from '../controllers/kinds';
import {
  controllerOf,
  isPodActive,
  isPodReady,
  podLimits,
  podRequests,
  serviceNameOf,
} from '../controllers/pods';
import type { LoadModel } from '../load';
import { countedSince } from './countedSince';
import type { TimeWindow } from './window';

/** OpenCost's `AllocationProperties`, as far as the sandbox knows them. */
export interface AllocationProperties {
  cluster: string;
  node?: string;
  container?: string;
  controller?: string;
  controllerKind?: string;
  namespace?: string;
  pod?: string;
  services?: string[];
  providerID?: string;
  labels?: Record<string, string>;
}

/** One pod's resource integrals over one window (before prices). Hours are resource-hours. */
export interface PodAllocation {
  properties: AllocationProperties;
  start: number;
  end: number;
  cpuRequestCoreHours: number;
  cpuLimitCoreHours: number;
  cpuUsageCoreHours: number;
  /** ∫ max(request, usage): what OpenCost charges for. */
  cpuCoreHours: number;
  ramRequestByteHours: number;
  ramLimitByteHours: number;
  ramUsageByteHours: number;
  ramByteHours: number;
}

/** Usage is sampled at this spacing (or finer for short windows) and integrated by the midpoint rule. */
const SAMPLE_MS = 5 * 60_000;
const HOUR_MS = 3_600_000;

/**
 * The allocations of the cluster's pods over a window. The load model is a function of time, so
 * the past is recomputed rather than recorded: each pod counts from its creation (the seed's pods
 * from the fleet's `history`) to now, with the service's traffic split over today's ready pods.
 */
export function podAllocations(
  cluster: SandboxCluster,
  load: LoadModel,
  window: TimeWindow,
): PodAllocation[] {
  const now = cluster.clock.now();
  const pods = (cluster.store.list('pods').items as Pod[]).filter(
    pod => isPodActive(pod) && pod.spec.nodeName,
  );
  const readyByService = new Map<string, number>();
  for (const pod of pods) {
    if (!isPodReady(pod)) continue;
    const service = serviceNameOf(pod.metadata.labels, pod.metadata.name);
    readyByService.set(service, (readyByService.get(service) ?? 0) + 1);
  }
  const controllers = workloadControllers(cluster);
  const services = cluster.store.list('services').items as Service[];

  const allocations: PodAllocation[] = [];
  for (const pod of pods) {
    const start = Math.max(
      window.start,
      countedSince(cluster, pod.metadata.creationTimestamp) ?? window.start,
    );
    const end = Math.min(window.end, now);
    if (end <= start) continue;
    const service = serviceNameOf(pod.metadata.labels, pod.metadata.name);
    const requests = podRequests(pod.spec.containers);
    const limits = podLimits(pod.spec.containers);
    const samples = Math.max(1, Math.ceil((end - start) / SAMPLE_MS));
    const stepHours = (end - start) / samples / HOUR_MS;
    const ready = isPodReady(pod);
    const integral = { cpuUsage: 0, cpu: 0, ramUsage: 0, ram: 0 };
    for (let i = 0; i < samples; i++) {
      const at = start + ((i + 0.5) * (end - start)) / samples;
      const usage = load.podUsage({
        service,
        podName: pod.metadata.name,
        ready,
        readyPods: readyByService.get(service) ?? 0,
        at,
      });
      integral.cpuUsage += usage.cpuCores * stepHours;
      integral.cpu += Math.max(requests.cpuCores, usage.cpuCores) * stepHours;
      integral.ramUsage += usage.memoryBytes * stepHours;
      integral.ram +=
        Math.max(requests.memoryBytes, usage.memoryBytes) * stepHours;
    }
    const hours = (end - start) / HOUR_MS;
    const owner = controllers.get(
      `${pod.metadata.namespace}/${controllerOf(pod)?.name}`,
    );
    allocations.push({
      properties: {
        cluster: cluster.name,
        node: pod.spec.nodeName,
        container: pod.spec.containers[0]?.name,
        controller: owner?.name,
        controllerKind: owner?.kind,
        namespace: pod.metadata.namespace,
        pod: pod.metadata.name,
        services: services
          .filter(s => selects(s, pod))
          .map(s => s.metadata.name),
        providerID: pod.spec.nodeName,
        labels: promLabels(pod.metadata.labels),
      },
      start,
      end,
      cpuRequestCoreHours: requests.cpuCores * hours,
      cpuLimitCoreHours: limits.cpuCores * hours,
      cpuUsageCoreHours: integral.cpuUsage,
      cpuCoreHours: integral.cpu,
      ramRequestByteHours: requests.memoryBytes * hours,
      ramLimitByteHours: limits.memoryBytes * hours,
      ramUsageByteHours: integral.ramUsage,
      ramByteHours: integral.ram,
    });
  }
  return allocations;
}

/** ReplicaSet → its Deployment or Rollout, in OpenCost's lower-case controller kinds. */
function workloadControllers(
  cluster: SandboxCluster,
): Map<string, { name: string; kind: string }> {
  const owners = new Map<string, { name: string; kind: string }>();
  for (const rs of cluster.store.list('replicasets.apps')
    .items as ReplicaSet[]) {
    const owner = controllerOf(rs);
    owners.set(
      `${rs.metadata.namespace}/${rs.metadata.name}`,
      owner
        ? { name: owner.name, kind: owner.kind.toLowerCase() }
        : { name: rs.metadata.name, kind: 'replicaset' },
    );
  }
  return owners;
}

function selects(service: Service, pod: Pod): boolean {
  const selector = Object.entries(service.spec.selector ?? {});
  return (
    service.metadata.namespace === pod.metadata.namespace &&
    selector.length > 0 &&
    selector.every(([key, value]) => pod.metadata.labels?.[key] === value)
  );
}

/** Label keys as OpenCost reports them: sanitized to Prometheus label names. */
function promLabels(
  labels: Record<string, string> | undefined,
): Record<string, string> | undefined {
  if (!labels) return undefined;
  return Object.fromEntries(
    Object.entries(labels).map(([key, value]) => [
      key.replace(/[^a-zA-Z0-9_]/g, '_'),
      value,
    ]),
  );
}
