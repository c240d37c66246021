import type { SimClock } from '../../clock';
import {
  formatLabelSelector,
  fromLabelSelectorObject,
} from '../../store/selectors';
import type { ObjectStore, StoreEvent } from '../../store/types';
import type { EventRecorder } from '../EventRecorder';
import { resolveFenceposts } from '../intOrPercent';
import type {
  Pod,
  ReplicaSet,
  Rollout,
  RolloutStatus,
  Service,
} from '../kinds';
import { podTemplateHash, ROLLOUT_HASH_LABEL } from '../podTemplateHash';
import { isControlledBy, isPodActive } from '../pods';
import {
  buildReplicaSet,
  findNewReplicaSet,
  inheritedAnnotations,
  listOwnedReplicaSets,
  maxRevision,
  reviseAnnotations,
  revisionOf,
  sumStatus,
  type ReplicaSetConventions,
} from '../replicaSets';
import {
  objectKey,
  queueWorkloadOnChange,
  splitKey,
  WorkQueue,
} from '../WorkQueue';
import { syncBlueGreen } from './blueGreenStrategy';
import { stepHash, stepsOf } from './canarySteps';
import { syncCanary } from './canaryStrategy';
import {
  routedHttp,
  virtualServicesOf,
  type HttpRoute,
  type IstioRoutingPlan,
} from './istioRouting';
import { availableOf, type RolloutContext } from './RolloutContext';
import {
  checkPausedConditions,
  persistedStatus,
  rolloutConditions,
  rolloutPhase,
} from './rolloutStatus';

const RESOURCE = 'rollouts.argoproj.io';
const VIRTUAL_SERVICES = 'virtualservices.networking.istio.io';
const REVISION = 'rollout.argoproj.io/revision';
const REVISION_HISTORY = 'rollout.argoproj.io/revision-history';
const DESIRED_REPLICAS = 'rollout.argoproj.io/desired-replicas';
/** Argo's `DefaultReplicaSetScaleDownDeadlineAnnotationKey`: no prefix. */
const SCALE_DOWN_DEADLINE = 'scale-down-deadline';
const SOURCE = { component: 'rollouts-controller' };

export const ROLLOUT_CONVENTIONS: ReplicaSetConventions = {
  hashLabel: ROLLOUT_HASH_LABEL,
  revisionAnnotation: REVISION,
  revisionHistoryAnnotation: REVISION_HISTORY,
  // Argo's `annotationsToSkip`.
  ownAnnotations: [
    REVISION,
    REVISION_HISTORY,
    DESIRED_REPLICAS,
    'notified.notifications.argoproj.io',
  ],
};

/**
 * The Argo Rollouts controller (argoproj.io/v1alpha1 Rollout): canary and blue-green strategies,
 * reacting to exactly the fields `kubectl argo rollouts` patches — `spec.paused`,
 * `status.pauseConditions` (promote), `status.promoteFull`, `status.abort` (abort and retry),
 * `spec.restartAt` and `spec.template` (undo).
 */
export class RolloutController {
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
    for (const ro of this.#store.list(RESOURCE).items)
      this.#queue.add(objectKey(ro.metadata.namespace, ro.metadata.name));
  }

  observe(event: StoreEvent): void {
    queueWorkloadOnChange(this.#queue, event, {
      resource: RESOURCE,
      kind: 'Rollout',
    });
  }

  reconcile(now: number): number {
    const keys = this.#queue.takeDue(now);
    for (const key of keys) {
      const { namespace, name } = splitKey(key);
      const rollout = this.#store.get(RESOURCE, namespace, name) as
        | Rollout
        | undefined;
      if (rollout && !rollout.metadata.deletionTimestamp)
        this.#sync(rollout, now);
    }
    return keys.length;
  }

  #sync(rollout: Rollout, now: number): void {
    const key = objectKey(rollout.metadata.namespace, rollout.metadata.name);
    const all = listOwnedReplicaSets(this.#store, rollout);
    const newRS = this.#ensureNewReplicaSet(
      rollout,
      findNewReplicaSet(rollout, all),
      all,
    );
    if (!all.includes(newRS)) all.push(newRS);
    const newHash = newRS.metadata.labels?.[ROLLOUT_HASH_LABEL] ?? '';
    const status: RolloutStatus = structuredClone(rollout.status ?? {});
    const revision = revisionOf(newRS, ROLLOUT_CONVENTIONS);
    this.#resetOnChange(rollout, status, { newRS, newHash, revision, all });

    const stableRS = status.stableRS
      ? all.find(
          rs => rs.metadata.labels?.[ROLLOUT_HASH_LABEL] === status.stableRS,
        )
      : undefined;
    const context: RolloutContext = {
      rollout,
      status,
      now,
      timestamp: this.#clock.timestamp(),
      revision,
      newRS,
      newHash,
      stableRS,
      others: all.filter(rs => rs !== newRS && rs !== stableRS),
      scale: (rs, replicas) => this.#scale(rollout, rs, replicas),
      scaleDownAfter: (rs, delaySeconds) =>
        this.#scaleDownAfter(rollout, rs, delaySeconds, now, key),
      pointService: (name, hash) => this.#pointService(rollout, name, hash),
      routeVirtualServices: plan => this.#routeVirtualServices(rollout, plan),
      event: (reason, message, type = 'Normal') =>
        type === 'Normal'
          ? this.#events.normal(SOURCE, rollout, reason, message)
          : this.#events.warning(SOURCE, rollout, reason, message),
      wakeAt: at => this.#queue.add(key, at),
      fresh: rs =>
        (this.#store.get(
          'replicasets.apps',
          rs.metadata.namespace,
          rs.metadata.name,
        ) as ReplicaSet | undefined) ?? rs,
    };

    if (rollout.spec.strategy.blueGreen) syncBlueGreen(context, all);
    else syncCanary(context);
    this.#restart(context, all);
    this.#writeStatus(context, all);
  }

  /** A changed template or step list starts a new update (Argo's `resetRolloutStatus`). */
  #resetOnChange(
    rollout: Rollout,
    status: RolloutStatus,
    update: {
      newRS: ReplicaSet;
      newHash: string;
      revision: number;
      all: readonly ReplicaSet[];
    },
  ): void {
    const { newRS, newHash, revision, all } = update;
    const steps = stepsOf(rollout);
    const canary = !!rollout.spec.strategy.canary;
    const templateChanged = status.currentPodHash !== newHash;
    const stepsChanged =
      canary &&
      status.currentStepHash !== undefined &&
      status.currentStepHash !== stepHash(rollout);
    if (canary) status.currentStepHash = stepHash(rollout);
    if (!templateChanged && !stepsChanged) return;
    if (status.currentPodHash && templateChanged) {
      this.#events.normal(
        SOURCE,
        rollout,
        'RolloutUpdated',
        `Rollout updated to revision ${revision}`,
      );
    }
    status.currentPodHash = newHash;
    status.pauseConditions = null;
    status.controllerPause = false;
    status.abort = false;
    delete status.abortedAt;
    status.promoteFull = false;
    if (status.blueGreen) status.blueGreen.scaleUpPreviewCheckPoint = false;
    if (canary && steps.length) {
      // Back to the stable template (an undo of an unfinished update), or a
      // rollback within the window: nothing left to step through.
      const skipSteps =
        status.stableRS === newHash ||
        isRollbackWithinWindow(rollout, newRS, status.stableRS, all);
      status.currentStepIndex = skipSteps ? steps.length : 0;
    }
  }

  #ensureNewReplicaSet(
    rollout: Rollout,
    existing: ReplicaSet | undefined,
    all: ReplicaSet[],
  ): ReplicaSet {
    const others = all.filter(rs => rs !== existing);
    const revision = maxRevision(others, ROLLOUT_CONVENTIONS) + 1;
    let rs = existing;
    if (!rs) {
      let collisionCount = rollout.status?.collisionCount ?? 0;
      while (!rs) {
        const hash = podTemplateHash(rollout.spec.template, collisionCount);
        if (
          this.#store.get(
            'replicasets.apps',
            rollout.metadata.namespace,
            `${rollout.metadata.name}-${hash}`,
          )
        ) {
          collisionCount++;
          continue;
        }
        rs = this.#store.create(
          'replicasets.apps',
          buildReplicaSet(rollout, {
            hash,
            replicas: 0,
            revision,
            conventions: ROLLOUT_CONVENTIONS,
            minReadySeconds: rollout.spec.minReadySeconds,
            annotations: {
              [DESIRED_REPLICAS]: String(rollout.spec.replicas ?? 1),
            },
          }),
        ) as ReplicaSet;
      }
    } else if (revisionOf(rs, ROLLOUT_CONVENTIONS) < revision) {
      rs = this.#store.modify(
        'replicasets.apps',
        rs.metadata.namespace,
        rs.metadata.name,
        draft => {
          draft.metadata.annotations = reviseAnnotations(
            {
              ...draft.metadata.annotations,
              ...inheritedAnnotations(rollout, ROLLOUT_CONVENTIONS),
            },
            revision,
            ROLLOUT_CONVENTIONS,
          );
        },
      ) as ReplicaSet;
    }
    const rsRevision = rs.metadata.annotations?.[REVISION];
    if (rsRevision && rollout.metadata.annotations?.[REVISION] !== rsRevision) {
      this.#store.modify(
        RESOURCE,
        rollout.metadata.namespace,
        rollout.metadata.name,
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

  #scale(rollout: Rollout, rs: ReplicaSet, replicas: number): ReplicaSet {
    const current =
      (this.#store.get(
        'replicasets.apps',
        rs.metadata.namespace,
        rs.metadata.name,
      ) as ReplicaSet | undefined) ?? rs;
    const from = current.spec.replicas ?? 0;
    const annotations = current.metadata.annotations ?? {};
    const desired = String(rollout.spec.replicas ?? 1);
    // A deadline goes when the ReplicaSet is needed again, or once it is scaled down (Argo's
    // `scaleReplicaSet`), except the one an abort set on the canary, which stays.
    const dropDeadline =
      !!annotations[SCALE_DOWN_DEADLINE] &&
      (replicas > 0 || !delaysScaleDownOnAbort(rollout));
    if (
      from === replicas &&
      !dropDeadline &&
      annotations[DESIRED_REPLICAS] === desired
    )
      return current;
    const updated = this.#store.modify(
      'replicasets.apps',
      rs.metadata.namespace,
      rs.metadata.name,
      draft => {
        (draft as ReplicaSet).spec.replicas = replicas;
        const next: Record<string, string> = {
          ...draft.metadata.annotations,
          [DESIRED_REPLICAS]: desired,
        };
        if (dropDeadline) delete next[SCALE_DOWN_DEADLINE];
        draft.metadata.annotations = next;
      },
    ) as ReplicaSet;
    if (from !== replicas) {
      const role =
        rs.metadata.labels?.[ROLLOUT_HASH_LABEL] === rollout.status?.stableRS
          ? 'stable'
          : 'canary';
      this.#events.normal(
        SOURCE,
        rollout,
        'ScalingReplicaSet',
        `Scaled ${replicas > from ? 'up' : 'down'} ReplicaSet ${
          rs.metadata.name
        } (revision ${revisionOf(
          rs,
          ROLLOUT_CONVENTIONS,
        )}) from ${from} to ${replicas}${
          rollout.spec.strategy.canary ? ` (${role})` : ''
        }`,
      );
    }
    return updated;
  }

  #scaleDownAfter(
    rollout: Rollout,
    rs: ReplicaSet,
    delaySeconds: number,
    now: number,
    key: string,
  ): void {
    const current =
      (this.#store.get(
        'replicasets.apps',
        rs.metadata.namespace,
        rs.metadata.name,
      ) as ReplicaSet | undefined) ?? rs;
    if ((current.spec.replicas ?? 0) === 0) return;
    const written = current.metadata.annotations?.[SCALE_DOWN_DEADLINE];
    if (!written) {
      const deadline = now + delaySeconds * 1000;
      this.#store.modify(
        'replicasets.apps',
        rs.metadata.namespace,
        rs.metadata.name,
        draft => {
          draft.metadata.annotations = {
            ...draft.metadata.annotations,
            [SCALE_DOWN_DEADLINE]: new Date(deadline)
              .toISOString()
              .replace(/\.\d{3}Z$/, 'Z'),
          };
        },
      );
      this.#queue.add(key, deadline);
      return;
    }
    const deadline = Date.parse(written);
    if (now >= deadline) this.#scale(rollout, current, 0);
    else this.#queue.add(key, deadline);
  }

  #pointService(
    rollout: Rollout,
    name: string | undefined,
    hash: string,
  ): void {
    if (!name || !hash) return;
    const service = this.#store.get(
      'services',
      rollout.metadata.namespace,
      name,
    ) as Service | undefined;
    if (!service || service.spec.selector?.[ROLLOUT_HASH_LABEL] === hash)
      return;
    this.#store.modify('services', rollout.metadata.namespace, name, draft => {
      const spec = (draft as Service).spec;
      spec.selector = { ...spec.selector, [ROLLOUT_HASH_LABEL]: hash };
      draft.metadata.annotations = {
        ...draft.metadata.annotations,
        'argo-rollouts.argoproj.io/managed-by-rollouts': rollout.metadata.name,
      };
    });
  }

  #routeVirtualServices(rollout: Rollout, plan: IstioRoutingPlan): void {
    for (const ref of virtualServicesOf(rollout)) {
      const virtualService = this.#store.get(
        VIRTUAL_SERVICES,
        ref.namespace,
        ref.name,
      );
      // Argo Rollouts reports a missing VirtualService and routes nothing.
      const http = (virtualService?.spec as { http?: HttpRoute[] } | undefined)
        ?.http;
      if (!virtualService || !http) continue;
      const routed = routedHttp(http, rollout, ref.routes, plan);
      if (JSON.stringify(routed) === JSON.stringify(http)) continue;
      this.#store.modify(VIRTUAL_SERVICES, ref.namespace, ref.name, draft => {
        (draft.spec as { http?: HttpRoute[] }).http = routed;
      });
    }
  }

  /** `spec.restartAt`: replaces pods created before it, a few at a time within maxUnavailable. */
  #restart(context: RolloutContext, all: readonly ReplicaSet[]): void {
    const { rollout, status, now } = context;
    const restartAt = rollout.spec.restartAt
      ? Date.parse(rollout.spec.restartAt)
      : undefined;
    if (
      restartAt === undefined ||
      status.restartedAt === rollout.spec.restartAt
    )
      return;
    if (restartAt > now) {
      context.wakeAt(restartAt);
      return;
    }
    const stale = all
      .flatMap(rs => this.#podsOf(context.fresh(rs)))
      .filter(
        pod => Date.parse(pod.metadata.creationTimestamp ?? '') < restartAt,
      )
      .sort(
        (a, b) =>
          (a.metadata.creationTimestamp ?? '').localeCompare(
            b.metadata.creationTimestamp ?? '',
          ) || a.metadata.name.localeCompare(b.metadata.name),
      );
    if (!stale.length) {
      status.restartedAt = rollout.spec.restartAt;
      context.event(
        'RolloutRestarted',
        `Rollout restarted pods created before ${rollout.spec.restartAt}`,
      );
      return;
    }
    const replicas = rollout.spec.replicas ?? 1;
    const strategy =
      rollout.spec.strategy.canary ?? rollout.spec.strategy.blueGreen;
    const maxUnavailable = Math.max(
      1,
      resolveFenceposts(undefined, strategy?.maxUnavailable, replicas)
        .maxUnavailable,
    );
    const unavailable = all.reduce((sum, rs) => {
      const fresh = context.fresh(rs);
      return sum + Math.max(0, (fresh.spec.replicas ?? 0) - availableOf(fresh));
    }, 0);
    for (const pod of stale.slice(
      0,
      Math.max(0, maxUnavailable - unavailable),
    )) {
      this.#store.delete('pods', pod.metadata.namespace, pod.metadata.name);
      context.event('RestartingPod', `Restarting pod ${pod.metadata.name}`);
    }
  }

  #podsOf(rs: ReplicaSet): Pod[] {
    const selector = formatLabelSelector(
      fromLabelSelectorObject(rs.spec.selector),
    );
    return (
      this.#store.list('pods', {
        namespace: rs.metadata.namespace,
        labelSelector: selector,
      }).items as Pod[]
    ).filter(pod => isControlledBy(pod, rs) && isPodActive(pod));
  }

  #writeStatus(context: RolloutContext, all: readonly ReplicaSet[]): void {
    const { rollout, status } = context;
    const current = this.#store.get(
      RESOURCE,
      rollout.metadata.namespace,
      rollout.metadata.name,
    ) as Rollout | undefined;
    if (!current) return;
    const fresh = all.map(context.fresh);
    const newRS = context.fresh(context.newRS);
    const replicas = rollout.spec.replicas ?? 1;
    const blueGreen = rollout.spec.strategy.blueGreen;
    const activeRS = blueGreen
      ? fresh.find(
          rs =>
            rs.metadata.labels?.[ROLLOUT_HASH_LABEL] ===
            status.blueGreen?.activeSelector,
        )
      : undefined;
    const selector = formatLabelSelector(
      fromLabelSelectorObject(rollout.spec.selector),
    );

    status.observedGeneration = String(current.metadata.generation ?? 1);
    status.replicas = sumStatus(fresh, 'replicas');
    status.updatedReplicas = newRS.status?.replicas ?? 0;
    // A blue-green rollout counts its active ReplicaSet, once there is one (the HPA scales it).
    const counted = blueGreen && activeRS ? [activeRS] : fresh;
    status.readyReplicas = sumStatus(counted, 'readyReplicas');
    status.availableReplicas = sumStatus(counted, 'availableReplicas');
    status.HPAReplicas = sumStatus(counted, 'replicas');
    status.selector =
      blueGreen && activeRS
        ? `${selector},${ROLLOUT_HASH_LABEL}=${
            status.blueGreen!.activeSelector
          }`
        : selector;
    const others = fresh.filter(
      rs =>
        rs.metadata.uid !== newRS.metadata.uid &&
        rs.metadata.labels?.[ROLLOUT_HASH_LABEL] !== status.stableRS,
    );
    status.conditions = rolloutConditions(
      rollout,
      status,
      checkPausedConditions(rollout, context.timestamp),
      {
        newRSName: newRS.metadata.name,
        revision: context.revision,
        timestamp: context.timestamp,
        now: context.now,
        waitingForScaleDown: others.some(
          rs => !!rs.metadata.annotations?.[SCALE_DOWN_DEADLINE],
        ),
        available: blueGreen
          ? isSaturated(activeRS, replicas)
          : sumStatus(fresh, 'availableReplicas') >= replicas,
      },
    );
    Object.assign(status, rolloutPhase(rollout, status));
    const next = persistedStatus(current.status, status);
    if (JSON.stringify(next) === JSON.stringify(current.status ?? {})) return;
    this.#store.modify(
      RESOURCE,
      rollout.metadata.namespace,
      rollout.metadata.name,
      draft => {
        (draft as Rollout).status = next;
      },
      { subresource: 'status' },
    );
  }
}

/** Argo's `shouldDelayScaleDownOnAbort`: an aborted blue-green or traffic-routed canary with an abort delay. */
function delaysScaleDownOnAbort(rollout: Rollout): boolean {
  const { canary, blueGreen } = rollout.spec.strategy;
  if (!rollout.status?.abort || !rollout.status.stableRS) return false;
  if (canary && !canary.trafficRouting) return false;
  return (blueGreen ?? canary)?.abortScaleDownDelaySeconds !== 0;
}

/** Argo's `IsSaturated`: the ReplicaSet runs, wants and has every replica available. */
function isSaturated(rs: ReplicaSet | undefined, replicas: number): boolean {
  return (
    !!rs &&
    (rs.spec.replicas ?? 0) === replicas &&
    rs.metadata.annotations?.[DESIRED_REPLICAS] === String(replicas) &&
    availableOf(rs) === replicas
  );
}

/**
 * Argo's `isRollbackWithinWindow`: the new ReplicaSet was created before the
 * stable one, with fewer than `spec.rollbackWindow.revisions` ReplicaSets
 * created between them.
 */
function isRollbackWithinWindow(
  rollout: Rollout,
  newRS: ReplicaSet,
  stableHash: string | undefined,
  all: readonly ReplicaSet[],
): boolean {
  const window = rollout.spec.rollbackWindow?.revisions ?? 0;
  const stable = all.find(
    rs => stableHash && rs.metadata.labels?.[ROLLOUT_HASH_LABEL] === stableHash,
  );
  if (window <= 0 || !stable || stable === newRS) return false;
  const created = (rs: ReplicaSet) =>
    Date.parse(rs.metadata.creationTimestamp ?? '');
  if (!(created(newRS) < created(stable))) return false;
  const between = all.filter(
    rs => created(newRS) < created(rs) && created(rs) < created(stable),
  ).length;
  return between < window;
}
