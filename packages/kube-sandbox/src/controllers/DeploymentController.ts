import type { SimClock } from '../clock';
import { isStatusError } from '../status';
import type { ObjectStore, StoreEvent } from '../store/types';
import { deploymentStatus, progressDeadlineAt } from './deploymentStatus';
import type { EventRecorder } from './EventRecorder';
import { resolveFenceposts } from './intOrPercent';
import type { Deployment, ReplicaSet } from './kinds';
import { DEPLOYMENT_HASH_LABEL, podTemplateHash } from './podTemplateHash';
import {
  availableReplicas,
  buildReplicaSet,
  findNewReplicaSet,
  inheritedAnnotations,
  listOwnedReplicaSets,
  maxRevision,
  reviseAnnotations,
  revisionOf,
  specReplicas,
  sumSpecReplicas,
  sumStatus,
  type ReplicaSetConventions,
} from './replicaSets';
import {
  objectKey,
  queueWorkloadOnChange,
  splitKey,
  WorkQueue,
} from './WorkQueue';

const SOURCE = { component: 'deployment-controller' };
const REVISION = 'deployment.kubernetes.io/revision';
const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';

export const DEPLOYMENT_CONVENTIONS: ReplicaSetConventions = {
  hashLabel: DEPLOYMENT_HASH_LABEL,
  revisionAnnotation: REVISION,
  revisionHistoryAnnotation: 'deployment.kubernetes.io/revision-history',
  // The deployment controller's `maxRevHistoryLengthInChars`.
  revisionHistoryLimitInChars: 2000,
  ownAnnotations: [
    REVISION,
    'deployment.kubernetes.io/revision-history',
    DESIRED_REPLICAS,
    MAX_REPLICAS,
    'deprecated.deployment.rollback.to',
  ],
};

/**
 * The Deployment controller: one ReplicaSet per pod template, rolling updates within
 * maxSurge/maxUnavailable (or Recreate), revisions that `kubectl rollout undo` can return to,
 * history cleanup, and status with the Available and Progressing conditions.
 */
export class DeploymentController {
  readonly #store: ObjectStore;
  readonly #clock: SimClock;
  readonly #events: EventRecorder;
  readonly #queue = new WorkQueue();

  constructor(deps: {
    store: ObjectStore;
    clock: SimClock;
    events: EventRecorder;
  }) {
    this.#store = deps.store;
    this.#clock = deps.clock;
    this.#events = deps.events;
    for (const d of this.#store.list('deployments.apps').items)
      this.#queue.add(objectKey(d.metadata.namespace, d.metadata.name));
  }

  observe(event: StoreEvent): void {
    queueWorkloadOnChange(this.#queue, event, {
      resource: 'deployments.apps',
      kind: 'Deployment',
    });
  }

  reconcile(now: number): number {
    const keys = this.#queue.takeDue(now);
    for (const key of keys) {
      const { namespace, name } = splitKey(key);
      const deployment = this.#store.get(
        'deployments.apps',
        namespace,
        name,
      ) as Deployment | undefined;
      if (deployment && !deployment.metadata.deletionTimestamp)
        this.#sync(deployment, now);
    }
    return keys.length;
  }

  #sync(deployment: Deployment, now: number): void {
    const all = listOwnedReplicaSets(this.#store, deployment);
    let newRS = findNewReplicaSet(deployment, all);
    const old = () => all.filter(rs => rs !== newRS);

    if (!deployment.spec.paused) {
      newRS = this.#ensureNewReplicaSet(deployment, newRS, old());
      if (!all.includes(newRS)) all.push(newRS);
      const recreate = deployment.spec.strategy?.type === 'Recreate';
      const changed = recreate
        ? this.#recreate(deployment, newRS, old())
        : this.#rollingUpdate(deployment, newRS, old());
      if (!changed && isComplete(deployment, newRS, old()))
        this.#cleanupHistory(deployment, old());
    } else {
      // A paused deployment does not roll out, but it still scales (`kubectl scale` works).
      const target = activeOrLatest(all);
      if (target)
        this.#scale(deployment, target, deployment.spec.replicas ?? 1);
    }
    this.#writeStatus(deployment, newRS, this.#fresh(all), now);
  }

  /** Creates the ReplicaSet for the current template, or re-adopts an old one (a rollback) as the newest revision. */
  #ensureNewReplicaSet(
    deployment: Deployment,
    existing: ReplicaSet | undefined,
    old: ReplicaSet[],
  ): ReplicaSet {
    const revision = maxRevision(old, DEPLOYMENT_CONVENTIONS) + 1;
    const desired = deployment.spec.replicas ?? 1;
    const { maxSurge } = this.#fenceposts(deployment);
    let rs = existing;
    if (rs) {
      if (revisionOf(rs, DEPLOYMENT_CONVENTIONS) < revision) {
        rs = this.#store.modify(
          'replicasets.apps',
          rs.metadata.namespace,
          rs.metadata.name,
          draft => {
            draft.metadata.annotations = reviseAnnotations(
              {
                ...draft.metadata.annotations,
                ...inheritedAnnotations(deployment, DEPLOYMENT_CONVENTIONS),
              },
              revision,
              DEPLOYMENT_CONVENTIONS,
            );
          },
        ) as ReplicaSet;
      }
    } else {
      const initial =
        deployment.spec.strategy?.type === 'Recreate'
          ? 0
          : Math.max(
              0,
              Math.min(desired + maxSurge - sumSpecReplicas(old), desired),
            );
      rs = this.#createReplicaSet(deployment, initial, revision, maxSurge);
      this.#events.normal(
        SOURCE,
        deployment,
        'ScalingReplicaSet',
        `Scaled up replica set ${rs.metadata.name} from 0 to ${initial}`,
      );
    }
    const rsRevision = rs.metadata.annotations?.[REVISION];
    if (
      rsRevision &&
      deployment.metadata.annotations?.[REVISION] !== rsRevision
    ) {
      this.#store.modify(
        'deployments.apps',
        deployment.metadata.namespace,
        deployment.metadata.name,
        draft => {
          draft.metadata.annotations = {
            ...draft.metadata.annotations,
            [REVISION]: rsRevision,
          };
        },
      );
    }
    return rs;
  }

  #createReplicaSet(
    deployment: Deployment,
    replicas: number,
    revision: number,
    maxSurge: number,
  ): ReplicaSet {
    let collisionCount = deployment.status?.collisionCount ?? 0;
    for (;;) {
      const hash = podTemplateHash(deployment.spec.template, collisionCount);
      const rs = buildReplicaSet(deployment, {
        hash,
        replicas,
        revision,
        conventions: DEPLOYMENT_CONVENTIONS,
        minReadySeconds: deployment.spec.minReadySeconds,
        annotations: {
          [DESIRED_REPLICAS]: String(deployment.spec.replicas ?? 1),
          [MAX_REPLICAS]: String((deployment.spec.replicas ?? 1) + maxSurge),
        },
      });
      try {
        return this.#store.create('replicasets.apps', rs) as ReplicaSet;
      } catch (error) {
        if (!isStatusError(error) || error.reason !== 'AlreadyExists')
          throw error;
        collisionCount++;
        this.#recordCollision(deployment, collisionCount);
      }
    }
  }

  #recordCollision(deployment: Deployment, collisionCount: number): void {
    this.#store.modify(
      'deployments.apps',
      deployment.metadata.namespace,
      deployment.metadata.name,
      draft => {
        (draft as Deployment).status = {
          ...(draft as Deployment).status,
          collisionCount,
        };
      },
      { subresource: 'status' },
    );
  }

  /** One step of a rolling update (upstream's `rolloutRolling`); true when it scaled anything. */
  #rollingUpdate(
    deployment: Deployment,
    newRS: ReplicaSet,
    old: ReplicaSet[],
  ): boolean {
    const desired = deployment.spec.replicas ?? 1;
    const { maxSurge, maxUnavailable } = this.#fenceposts(deployment);

    // Scale up the new ReplicaSet as far as maxSurge allows.
    const newCount = specReplicas(newRS);
    if (newCount > desired) {
      return this.#scale(deployment, newRS, desired);
    }
    if (newCount < desired) {
      const room = desired + maxSurge - sumSpecReplicas([newRS, ...old]);
      const target = newCount + Math.max(0, Math.min(room, desired - newCount));
      if (target !== newCount) return this.#scale(deployment, newRS, target);
    }

    // Scale down old ReplicaSets as far as maxUnavailable allows.
    const oldCount = sumSpecReplicas(old);
    if (oldCount === 0) return false;
    const minAvailable = desired - maxUnavailable;
    const newUnavailable = specReplicas(newRS) - availableReplicas(newRS);
    let budget =
      sumSpecReplicas([newRS, ...old]) - minAvailable - newUnavailable;
    if (budget <= 0) return false;
    let scaled = false;

    // Unhealthy old pods go first: removing them costs no availability.
    for (const rs of old) {
      if (budget <= 0) break;
      const unhealthy = specReplicas(rs) - availableReplicas(rs);
      const cut = Math.min(budget, Math.max(0, unhealthy));
      if (cut > 0) {
        scaled = this.#scale(deployment, rs, specReplicas(rs) - cut) || scaled;
        budget -= cut;
      }
    }
    const fresh = this.#fresh(old);
    const allAvailable = sumStatus([newRS, ...fresh], 'availableReplicas');
    let available = allAvailable - minAvailable;
    for (const rs of fresh) {
      if (available <= 0) break;
      const cut = Math.min(specReplicas(rs), available);
      if (cut > 0) {
        scaled = this.#scale(deployment, rs, specReplicas(rs) - cut) || scaled;
        available -= cut;
      }
    }
    return scaled;
  }

  /** Recreate: every old pod goes before any new one starts. */
  #recreate(
    deployment: Deployment,
    newRS: ReplicaSet,
    old: ReplicaSet[],
  ): boolean {
    let scaled = false;
    for (const rs of old) {
      if (specReplicas(rs) > 0)
        scaled = this.#scale(deployment, rs, 0) || scaled;
    }
    if (scaled || sumStatus(this.#fresh(old), 'replicas') > 0) return true;
    const desired = deployment.spec.replicas ?? 1;
    return specReplicas(newRS) !== desired
      ? this.#scale(deployment, newRS, desired)
      : false;
  }

  #scale(deployment: Deployment, rs: ReplicaSet, replicas: number): boolean {
    const from = specReplicas(rs);
    if (from === replicas) return false;
    const { maxSurge } = this.#fenceposts(deployment);
    const desired = deployment.spec.replicas ?? 1;
    this.#store.modify(
      'replicasets.apps',
      rs.metadata.namespace,
      rs.metadata.name,
      draft => {
        (draft as ReplicaSet).spec.replicas = replicas;
        draft.metadata.annotations = {
          ...draft.metadata.annotations,
          [DESIRED_REPLICAS]: String(desired),
          [MAX_REPLICAS]: String(desired + maxSurge),
        };
      },
    );
    const direction = replicas > from ? 'up' : 'down';
    this.#events.normal(
      SOURCE,
      deployment,
      'ScalingReplicaSet',
      `Scaled ${direction} replica set ${rs.metadata.name} from ${from} to ${replicas}`,
    );
    return true;
  }

  /** Deletes the oldest unused ReplicaSets beyond `revisionHistoryLimit` (default 10). */
  #cleanupHistory(deployment: Deployment, old: ReplicaSet[]): void {
    const limit = deployment.spec.revisionHistoryLimit ?? 10;
    const idle = this.#fresh(old)
      .filter(rs => specReplicas(rs) === 0 && (rs.status?.replicas ?? 0) === 0)
      .sort(
        (a, b) =>
          revisionOf(a, DEPLOYMENT_CONVENTIONS) -
          revisionOf(b, DEPLOYMENT_CONVENTIONS),
      );
    for (const rs of idle.slice(0, Math.max(0, idle.length - limit))) {
      this.#store.delete(
        'replicasets.apps',
        rs.metadata.namespace,
        rs.metadata.name,
      );
    }
  }

  #writeStatus(
    deployment: Deployment,
    newRS: ReplicaSet | undefined,
    all: ReplicaSet[],
    now: number,
  ): void {
    const current = this.#store.get(
      'deployments.apps',
      deployment.metadata.namespace,
      deployment.metadata.name,
    ) as Deployment | undefined;
    if (!current) return;
    const status = deploymentStatus(
      current,
      newRS && all.find(rs => rs.metadata.uid === newRS.metadata.uid),
      all,
      {
        maxUnavailable: this.#fenceposts(current).maxUnavailable,
        timestamp: this.#clock.timestamp(),
        now,
      },
    );
    const deadline = progressDeadlineAt(current, status);
    if (deadline !== undefined && deadline > now)
      this.#queue.add(
        objectKey(current.metadata.namespace, current.metadata.name),
        deadline,
      );
    if (JSON.stringify(status) === JSON.stringify(current.status ?? {})) return;
    this.#store.modify(
      'deployments.apps',
      current.metadata.namespace,
      current.metadata.name,
      draft => {
        (draft as Deployment).status = status;
      },
      { subresource: 'status' },
    );
  }

  #fenceposts(deployment: Deployment) {
    const rolling = deployment.spec.strategy?.rollingUpdate;
    return resolveFenceposts(
      rolling?.maxSurge,
      rolling?.maxUnavailable,
      deployment.spec.replicas ?? 1,
    );
  }

  /** The current stored versions of ReplicaSets read earlier in this sync. */
  #fresh(replicaSets: readonly ReplicaSet[]): ReplicaSet[] {
    return replicaSets
      .map(
        rs =>
          this.#store.get(
            'replicasets.apps',
            rs.metadata.namespace,
            rs.metadata.name,
          ) as ReplicaSet | undefined,
      )
      .filter((rs): rs is ReplicaSet => !!rs);
  }
}

/** The one ReplicaSet running pods, or the latest when none does (upstream's `FindActiveOrLatest`). */
function activeOrLatest(
  replicaSets: readonly ReplicaSet[],
): ReplicaSet | undefined {
  const active = replicaSets.filter(rs => specReplicas(rs) > 0);
  if (active.length > 1) return undefined;
  if (active.length === 1) return active[0];
  return [...replicaSets].sort(
    (a, b) =>
      revisionOf(b, DEPLOYMENT_CONVENTIONS) -
      revisionOf(a, DEPLOYMENT_CONVENTIONS),
  )[0];
}

function isComplete(
  deployment: Deployment,
  newRS: ReplicaSet,
  old: ReplicaSet[],
): boolean {
  const desired = deployment.spec.replicas ?? 1;
  return (
    specReplicas(newRS) === desired &&
    availableReplicas(newRS) === desired &&
    sumSpecReplicas(old) === 0
  );
}
