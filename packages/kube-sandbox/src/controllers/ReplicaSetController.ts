import type { SimClock } from '../clock';
import {
  formatLabelSelector,
  fromLabelSelectorObject,
} from '../store/selectors';
import type { ObjectStore, StoreEvent } from '../store/types';
import type { EventRecorder } from './EventRecorder';
import type { Pod, ReplicaSet } from './kinds';
import {
  controllerOf,
  controllerReference,
  isControlledBy,
  isPodActive,
  isPodAvailable,
  isPodReady,
  podAvailableAt,
  podRequests,
} from './pods';
import type { Scheduler } from './Scheduler';
import { objectKey, splitKey, WorkQueue } from './WorkQueue';

const SOURCE = { component: 'replicaset-controller' };

/** Keeps each ReplicaSet's pod count at `spec.replicas` and reports its pods' readiness. */
export class ReplicaSetController {
  readonly #store: ObjectStore;
  readonly #clock: SimClock;
  readonly #events: EventRecorder;
  readonly #scheduler: Scheduler;
  readonly #queue = new WorkQueue();

  constructor(deps: {
    store: ObjectStore;
    clock: SimClock;
    events: EventRecorder;
    scheduler: Scheduler;
  }) {
    this.#store = deps.store;
    this.#clock = deps.clock;
    this.#events = deps.events;
    this.#scheduler = deps.scheduler;
    for (const rs of this.#store.list('replicasets.apps').items)
      this.#queue.add(objectKey(rs.metadata.namespace, rs.metadata.name));
  }

  observe(event: StoreEvent): void {
    if (event.resource === 'replicasets.apps' && event.type !== 'DELETED') {
      this.#queue.add(
        objectKey(event.object.metadata.namespace, event.object.metadata.name),
      );
    } else if (event.resource === 'pods') {
      const owner = controllerOf(event.object);
      if (owner?.kind === 'ReplicaSet')
        this.#queue.add(objectKey(event.object.metadata.namespace, owner.name));
    }
  }

  reconcile(now: number): number {
    const keys = this.#queue.takeDue(now);
    for (const key of keys) {
      const { namespace, name } = splitKey(key);
      const rs = this.#store.get('replicasets.apps', namespace, name) as
        | ReplicaSet
        | undefined;
      if (rs && !rs.metadata.deletionTimestamp) this.#sync(rs, now);
    }
    return keys.length;
  }

  #sync(rs: ReplicaSet, now: number): void {
    const pods = this.#ownedPods(rs);
    const desired = rs.spec.replicas ?? 1;
    if (pods.length < desired) {
      for (let i = pods.length; i < desired; i++)
        pods.push(this.#createPod(rs));
      this.#events.normal(
        SOURCE,
        rs,
        'SuccessfulCreate',
        `Created pod: ${pods[pods.length - 1].metadata.name}`,
      );
    } else if (pods.length > desired) {
      const doomed = [...pods]
        .sort(deletionOrder)
        .slice(0, pods.length - desired);
      for (const pod of doomed) {
        this.#store.delete('pods', pod.metadata.namespace, pod.metadata.name);
        this.#events.normal(
          SOURCE,
          rs,
          'SuccessfulDelete',
          `Deleted pod: ${pod.metadata.name}`,
        );
      }
      pods.splice(0, pods.length, ...pods.filter(pod => !doomed.includes(pod)));
    }
    this.#updateStatus(rs, pods, now);
  }

  #ownedPods(rs: ReplicaSet): Pod[] {
    const selector = formatLabelSelector(
      fromLabelSelectorObject(rs.spec.selector),
    );
    const candidates = this.#store.list('pods', {
      namespace: rs.metadata.namespace,
      labelSelector: selector,
    }).items as Pod[];
    return candidates.filter(
      pod => isControlledBy(pod, rs) && isPodActive(pod),
    );
  }

  #createPod(rs: ReplicaSet): Pod {
    const template = rs.spec.template;
    const containers = template.spec?.containers ?? [];
    const nodeName = this.#scheduler.pickNode(podRequests(containers));
    const timestamp = this.#clock.timestamp();
    const pod: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        ...(template.metadata ?? {}),
        name: '',
        generateName: `${rs.metadata.name}-`,
        namespace: rs.metadata.namespace,
        labels: { ...(template.metadata?.labels ?? {}) },
        ownerReferences: [controllerReference(rs)],
      },
      spec: {
        restartPolicy: 'Always',
        terminationGracePeriodSeconds: 30,
        dnsPolicy: 'ClusterFirst',
        schedulerName: 'default-scheduler',
        ...(template.spec ?? {}),
        containers,
        ...(nodeName ? { nodeName } : {}),
      },
      status: {
        phase: 'Pending',
        conditions: [
          nodeName
            ? {
                type: 'PodScheduled',
                status: 'True',
                lastProbeTime: null,
                lastTransitionTime: timestamp,
              }
            : {
                type: 'PodScheduled',
                status: 'False',
                reason: 'Unschedulable',
                message: '0/0 nodes are available: insufficient cpu or memory.',
                lastProbeTime: null,
                lastTransitionTime: timestamp,
              },
        ],
        qosClass: qosClassOf(containers),
      },
    };
    const created = this.#store.create('pods', pod) as Pod;
    if (!nodeName) {
      this.#events.warning(
        { component: 'default-scheduler' },
        created,
        'FailedScheduling',
        "no node has room for the pod's requests: insufficient cpu or memory.",
      );
    }
    return created;
  }

  #updateStatus(rs: ReplicaSet, pods: Pod[], now: number): void {
    const minReadySeconds = rs.spec.minReadySeconds ?? 0;
    const ready = pods.filter(isPodReady).length;
    const available = pods.filter(pod =>
      isPodAvailable(pod, minReadySeconds, now),
    ).length;
    for (const pod of pods) {
      const at = podAvailableAt(pod, minReadySeconds);
      if (at !== undefined && at > now)
        this.#queue.add(objectKey(rs.metadata.namespace, rs.metadata.name), at);
    }
    const status = {
      replicas: pods.length,
      fullyLabeledReplicas: pods.length,
      readyReplicas: ready,
      availableReplicas: available,
      observedGeneration: rs.metadata.generation,
    };
    const current = rs.status ?? { replicas: 0 };
    if (
      current.replicas === status.replicas &&
      current.readyReplicas === status.readyReplicas &&
      current.availableReplicas === status.availableReplicas &&
      current.observedGeneration === status.observedGeneration &&
      current.fullyLabeledReplicas === status.fullyLabeledReplicas
    ) {
      return;
    }
    this.#store.modify(
      'replicasets.apps',
      rs.metadata.namespace,
      rs.metadata.name,
      draft => {
        draft.status = status;
      },
      { subresource: 'status' },
    );
  }
}

/** Pods to remove first when scaling down: unscheduled, then pending, then unready, then newest. */
function deletionOrder(a: Pod, b: Pod): number {
  const rank = (pod: Pod) =>
    (pod.spec.nodeName ? 0 : 4) +
    (pod.status?.phase === 'Pending' ? 2 : 0) +
    (isPodReady(pod) ? 0 : 1);
  const byRank = rank(b) - rank(a);
  if (byRank !== 0) return byRank;
  const byAge = (b.metadata.creationTimestamp ?? '').localeCompare(
    a.metadata.creationTimestamp ?? '',
  );
  return byAge !== 0 ? byAge : b.metadata.name.localeCompare(a.metadata.name);
}

function qosClassOf(containers: Pod['spec']['containers']): string {
  const all = containers.map(c => c.resources ?? {});
  if (all.every(r => !r.requests && !r.limits)) return 'BestEffort';
  const guaranteed = all.every(
    r =>
      r.limits?.cpu !== undefined &&
      r.limits?.memory !== undefined &&
      (r.requests?.cpu ?? r.limits.cpu) === r.limits.cpu &&
      (r.requests?.memory ?? r.limits.memory) === r.limits.memory,
  );
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
