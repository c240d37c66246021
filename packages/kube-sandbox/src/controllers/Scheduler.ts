import { parseQuantity } from '../metrics/quantity';
import type { ObjectStore, StoreEvent } from '../store/types';
import { findCondition } from './conditions';
import type { Node, Pod } from './kinds';
import { isPodActive, podRequests, type ResourceAmounts } from './pods';
import { objectKey, splitKey } from './WorkQueue';

interface NodeLoad extends ResourceAmounts {
  pods: number;
}

/**
 * Places pods on nodes by their requests, least-allocated first, as kube-scheduler's default
 * scoring does. Keeps a running tally of what each node holds from the pod watch events.
 */
export class Scheduler {
  readonly #store: ObjectStore;
  readonly #load = new Map<string, NodeLoad>();
  /** pod key → node and requests it was counted with, so deletions subtract exactly that. */
  readonly #placed = new Map<string, { node: string } & ResourceAmounts>();
  readonly #unscheduled = new Set<string>();
  /** Unscheduled pods not yet tried since they appeared. */
  readonly #untried = new Set<string>();
  /** Whether room may have appeared (a pod left, a node changed) since pending pods were last tried. */
  #roomMayHaveAppeared = false;

  constructor(store: ObjectStore) {
    this.#store = store;
    for (const pod of store.list('pods').items as Pod[]) this.#track(pod);
  }

  observe(event: StoreEvent): void {
    if (event.resource === 'nodes') this.#roomMayHaveAppeared = true;
    if (event.resource !== 'pods') return;
    const pod = event.object as Pod;
    const key = objectKey(pod.metadata.namespace, pod.metadata.name);
    if (event.type === 'DELETED' || !isPodActive(pod)) {
      this.#untrack(key);
      this.#unscheduled.delete(key);
      this.#untried.delete(key);
      return;
    }
    this.#track(pod);
  }

  /** The node a new pod with these requests should run on, or undefined when none fits. */
  pickNode(requests: ResourceAmounts): string | undefined {
    let best: { name: string; score: number } | undefined;
    for (const node of this.#store.list('nodes').items as Node[]) {
      const room = roomOf(node);
      if (!room) continue;
      const { cpu, memory, maxPods } = room;
      const load = this.#load.get(node.metadata.name) ?? {
        cpuCores: 0,
        memoryBytes: 0,
        pods: 0,
      };
      if (load.pods + 1 > maxPods) continue;
      if (load.cpuCores + requests.cpuCores > cpu + 1e-9) continue;
      if (load.memoryBytes + requests.memoryBytes > memory) continue;
      const score = Math.max(
        (load.cpuCores + requests.cpuCores) / cpu,
        (load.memoryBytes + requests.memoryBytes) / memory,
      );
      if (!best || score < best.score)
        best = { name: node.metadata.name, score };
    }
    return best?.name;
  }

  /** Binds pods created without a node (e.g. `kubectl run`) once room appears. */
  bindPending(): void {
    const candidates = this.#roomMayHaveAppeared
      ? this.#unscheduled
      : this.#untried;
    if (!candidates.size) return;
    const keys = [...candidates].sort();
    this.#roomMayHaveAppeared = false;
    this.#untried.clear();
    for (const key of keys) {
      const { namespace, name } = splitKey(key);
      const pod = this.#store.get('pods', namespace, name) as Pod | undefined;
      if (!pod || pod.spec.nodeName) {
        this.#unscheduled.delete(key);
        continue;
      }
      const node = this.pickNode(podRequests(pod.spec.containers));
      if (!node) continue;
      this.#store.modify('pods', namespace, name, draft => {
        (draft as Pod).spec.nodeName = node;
      });
    }
  }

  #track(pod: Pod): void {
    const key = objectKey(pod.metadata.namespace, pod.metadata.name);
    if (this.#placed.has(key)) return;
    const node = pod.spec.nodeName;
    if (!node) {
      if (isPodActive(pod) && !this.#unscheduled.has(key)) {
        this.#unscheduled.add(key);
        this.#untried.add(key);
      }
      return;
    }
    this.#unscheduled.delete(key);
    this.#untried.delete(key);
    const requests = podRequests(pod.spec.containers);
    this.#placed.set(key, { node, ...requests });
    const load = this.#load.get(node) ?? {
      cpuCores: 0,
      memoryBytes: 0,
      pods: 0,
    };
    this.#load.set(node, {
      cpuCores: load.cpuCores + requests.cpuCores,
      memoryBytes: load.memoryBytes + requests.memoryBytes,
      pods: load.pods + 1,
    });
  }

  #untrack(key: string): void {
    const placed = this.#placed.get(key);
    if (!placed) return;
    this.#placed.delete(key);
    this.#roomMayHaveAppeared = true;
    const load = this.#load.get(placed.node);
    if (!load) return;
    this.#load.set(placed.node, {
      cpuCores: load.cpuCores - placed.cpuCores,
      memoryBytes: load.memoryBytes - placed.memoryBytes,
      pods: load.pods - 1,
    });
  }
}

/** Parsed allocatable of stored (frozen) Node objects; a changed node is a new object. */
const roomCache = new WeakMap<
  Node,
  { cpu: number; memory: number; maxPods: number } | null
>();

/** What a schedulable node can hold, or null when it takes no pods. */
function roomOf(
  node: Node,
): { cpu: number; memory: number; maxPods: number } | null {
  let room = roomCache.get(node);
  if (room === undefined) {
    const allocatable = node.status?.allocatable ?? {};
    room = isSchedulable(node)
      ? {
          cpu: parseQuantity(allocatable.cpu),
          memory: parseQuantity(allocatable.memory),
          maxPods: parseQuantity(allocatable.pods ?? '110'),
        }
      : null;
    roomCache.set(node, room);
  }
  return room;
}

function isSchedulable(node: Node): boolean {
  const spec = node.spec as { unschedulable?: boolean } | undefined;
  if (spec?.unschedulable) return false;
  const ready = findCondition(node.status?.conditions, 'Ready');
  return !ready || ready.status === 'True';
}
