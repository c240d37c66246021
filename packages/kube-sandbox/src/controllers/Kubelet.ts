import type { SimClock } from '../clock';
import { hashString } from '../random';
import type { ObjectStore, StoreEvent } from '../store/types';
import type { Pod } from './kinds';
import { isPodActive, isPodReady } from './pods';
import { objectKey, splitKey, WorkQueue } from './WorkQueue';

export interface KubeletOptions {
  /** Simulated time from a pod's binding to its containers running and passing readiness. */
  podReadyDelayMs: number;
}

/**
 * Stands in for the kubelets of all nodes: a bound pod starts and turns Ready `podReadyDelayMs`
 * after it was created. Everything else about a pod's status is filled in at that moment.
 */
export class Kubelet {
  readonly #store: ObjectStore;
  readonly #clock: SimClock;
  readonly #options: KubeletOptions;
  readonly #queue = new WorkQueue();

  constructor(store: ObjectStore, clock: SimClock, options: KubeletOptions) {
    this.#store = store;
    this.#clock = clock;
    this.#options = options;
    for (const pod of store.list('pods').items as Pod[]) this.#consider(pod);
  }

  observe(event: StoreEvent): void {
    if (event.resource !== 'pods' || event.type === 'DELETED') return;
    this.#consider(event.object as Pod);
  }

  /** Starts the pods whose delay has passed; returns how many changed. */
  reconcile(now: number): number {
    let changed = 0;
    for (const key of this.#queue.takeDue(now)) {
      const { namespace, name } = splitKey(key);
      const pod = this.#store.get('pods', namespace, name) as Pod | undefined;
      if (!pod || !pod.spec.nodeName || !isPodActive(pod) || isPodReady(pod))
        continue;
      this.#store.modify(
        'pods',
        namespace,
        name,
        draft => this.#start(draft as Pod),
        { subresource: 'status' },
      );
      changed++;
    }
    return changed;
  }

  #consider(pod: Pod): void {
    if (!pod.spec.nodeName || !isPodActive(pod) || isPodReady(pod)) return;
    const created = pod.metadata.creationTimestamp
      ? Date.parse(pod.metadata.creationTimestamp)
      : this.#clock.now();
    this.#queue.add(
      objectKey(pod.metadata.namespace, pod.metadata.name),
      created + this.#options.podReadyDelayMs,
    );
  }

  #start(pod: Pod): void {
    const timestamp = this.#clock.timestamp();
    const started = pod.status?.startTime ?? timestamp;
    const podIP = addressFor(
      `${pod.metadata.namespace}/${pod.metadata.name}`,
      10,
    );
    const condition = (type: string) => ({
      type,
      status: 'True' as const,
      lastProbeTime: null,
      lastTransitionTime: timestamp,
    });
    pod.status = {
      ...pod.status,
      phase: 'Running',
      conditions: [
        condition('PodReadyToStartContainers'),
        condition('Initialized'),
        condition('Ready'),
        condition('ContainersReady'),
        {
          ...condition('PodScheduled'),
          lastTransitionTime: pod.metadata.creationTimestamp ?? timestamp,
        },
      ],
      hostIP: addressFor(pod.spec.nodeName ?? '', 172),
      podIP,
      podIPs: [{ ip: podIP }],
      startTime: started,
      containerStatuses: pod.spec.containers.map(container => ({
        name: container.name,
        // The API layer refuses a container without an image.
        image: container.image!,
        imageID: `${container.image ?? ''}@sha256:${hashString(
          container.image ?? '',
        )
          .toString(16)
          .padStart(8, '0')
          .repeat(8)}`,
        containerID: `containerd://${hashString(
          `${pod.metadata.uid}/${container.name}`,
        )
          .toString(16)
          .padStart(8, '0')
          .repeat(8)}`,
        ready: true,
        started: true,
        restartCount: 0,
        state: { running: { startedAt: timestamp } },
        lastState: {},
      })),
    };
  }
}

/** A stable private address for a name, in `first.x.y.z`. */
function addressFor(name: string, first: number): string {
  const h = hashString(name);
  return `${first}.${(h >>> 16) & 0xff}.${(h >>> 8) & 0xff}.${(h & 0xfe) + 1}`;
}
