import { parseQuantity } from '../metrics/quantity';
import type { KubeObject, OwnerReference } from '../store/types';
import { findCondition } from './conditions';
import type { ContainerSpec, Pod } from './kinds';

export function isPodActive(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return (
    !pod.metadata.deletionTimestamp &&
    phase !== 'Succeeded' &&
    phase !== 'Failed'
  );
}

export function isPodReady(pod: Pod): boolean {
  return findCondition(pod.status?.conditions, 'Ready')?.status === 'True';
}

/** Ready for at least `minReadySeconds` at `now` (upstream's `IsPodAvailable`). */
export function isPodAvailable(
  pod: Pod,
  minReadySeconds: number,
  now: number,
): boolean {
  const ready = findCondition(pod.status?.conditions, 'Ready');
  if (ready?.status !== 'True') return false;
  if (!minReadySeconds) return true;
  const since = ready.lastTransitionTime
    ? Date.parse(ready.lastTransitionTime)
    : now;
  return since + minReadySeconds * 1000 <= now;
}

/** When a ready pod becomes available, for scheduling a wake-up; undefined when not ready. */
export function podAvailableAt(
  pod: Pod,
  minReadySeconds: number,
): number | undefined {
  const ready = findCondition(pod.status?.conditions, 'Ready');
  if (ready?.status !== 'True' || !ready.lastTransitionTime) return undefined;
  return Date.parse(ready.lastTransitionTime) + minReadySeconds * 1000;
}

export function controllerOf(object: KubeObject): OwnerReference | undefined {
  return object.metadata.ownerReferences?.find(ref => ref.controller);
}

export function isControlledBy(object: KubeObject, owner: KubeObject): boolean {
  return controllerOf(object)?.uid === owner.metadata.uid;
}

export function controllerReference(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

export interface ResourceAmounts {
  cpuCores: number;
  memoryBytes: number;
}

/** Requests of stored (frozen, so unchanging) container lists, computed once each. */
const requestsCache = new WeakMap<readonly ContainerSpec[], ResourceAmounts>();

/** Sum of the containers' requests; a limit stands in for a missing request, as the API server defaults it. */
export function podRequests(
  containers: readonly ContainerSpec[] | undefined,
): ResourceAmounts {
  if (!containers) return { cpuCores: 0, memoryBytes: 0 };
  const cached = requestsCache.get(containers);
  if (cached) return cached;
  const sum = sumRequests(containers);
  if (Object.isFrozen(containers)) requestsCache.set(containers, sum);
  return sum;
}

function sumRequests(containers: readonly ContainerSpec[]): ResourceAmounts {
  let cpuCores = 0;
  let memoryBytes = 0;
  for (const container of containers) {
    const requests = container.resources?.requests ?? {};
    const limits = container.resources?.limits ?? {};
    cpuCores += finite(parseQuantity(requests.cpu ?? limits.cpu));
    memoryBytes += finite(parseQuantity(requests.memory ?? limits.memory));
  }
  return { cpuCores, memoryBytes };
}

export function podLimits(
  containers: readonly ContainerSpec[] | undefined,
): ResourceAmounts {
  let cpuCores = 0;
  let memoryBytes = 0;
  for (const container of containers ?? []) {
    const limits = container.resources?.limits ?? {};
    cpuCores += finite(parseQuantity(limits.cpu));
    memoryBytes += finite(parseQuantity(limits.memory));
  }
  return { cpuCores, memoryBytes };
}

function finite(value: number): number {
  return Number.isFinite(value) ? value : 0;
}

/** The label naming the service a workload belongs to, in order of preference. */
const SERVICE_LABELS = [
  'app.kubernetes.io/name',
  'app',
  'backstage.io/kubernetes-id',
];

/** The MesChain service an object belongs to, from its labels; its own name as a last resort. */
export function serviceNameOf(
  labels: Readonly<Record<string, string>> | undefined,
  fallback: string,
): string {
  for (const label of SERVICE_LABELS) {
    const value = labels?.[label];
    if (value) return value;
  }
  return fallback;
}
