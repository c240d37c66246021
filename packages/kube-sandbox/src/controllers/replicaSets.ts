import {
  formatLabelSelector,
  fromLabelSelectorObject,
} from '../store/selectors';
import type { KubeObject, ObjectStore } from '../store/types';
import type { Deployment, ReplicaSet } from './kinds';
import { templatesEqualIgnoringHash } from './podTemplateHash';
import { controllerReference, isControlledBy } from './pods';

/** A workload that owns ReplicaSets: a Deployment or a Rollout. */
export interface ReplicaSetOwner extends KubeObject {
  spec: Pick<Deployment['spec'], 'selector' | 'template' | 'replicas'>;
}

/** How one owner kind labels and numbers its ReplicaSets. */
export interface ReplicaSetConventions {
  hashLabel: string;
  revisionAnnotation: string;
  /** Where a re-used ReplicaSet (a rollback) keeps the revisions it had before. */
  revisionHistoryAnnotation: string;
  /** How long that list may grow, in characters, dropping its oldest entries (Deployments: 2000). */
  revisionHistoryLimitInChars?: number;
  /** Owner annotations never copied onto its ReplicaSets (and never copied back by rollbacks). */
  ownAnnotations: readonly string[];
}

export function listOwnedReplicaSets(
  store: ObjectStore,
  owner: ReplicaSetOwner,
): ReplicaSet[] {
  const selector = formatLabelSelector(
    fromLabelSelectorObject(owner.spec.selector),
  );
  const candidates = store.list('replicasets.apps', {
    namespace: owner.metadata.namespace,
    labelSelector: selector,
  }).items as ReplicaSet[];
  return candidates
    .filter(rs => isControlledBy(rs, owner) && !rs.metadata.deletionTimestamp)
    .sort(byCreation);
}

/** The oldest ReplicaSet whose template is the owner's (upstream's `FindNewReplicaSet`). */
export function findNewReplicaSet(
  owner: ReplicaSetOwner,
  replicaSets: readonly ReplicaSet[],
): ReplicaSet | undefined {
  return replicaSets.find(rs =>
    templatesEqualIgnoringHash(rs.spec.template, owner.spec.template),
  );
}

export function revisionOf(
  object: KubeObject,
  conventions: ReplicaSetConventions,
): number {
  const value = Number(
    object.metadata.annotations?.[conventions.revisionAnnotation] ?? 0,
  );
  return Number.isFinite(value) ? value : 0;
}

export function maxRevision(
  replicaSets: readonly ReplicaSet[],
  conventions: ReplicaSetConventions,
): number {
  return replicaSets.reduce(
    (max, rs) => Math.max(max, revisionOf(rs, conventions)),
    0,
  );
}

/** The owner's annotations that belong on its ReplicaSets too (e.g. `kubernetes.io/change-cause`). */
export function inheritedAnnotations(
  owner: KubeObject,
  conventions: ReplicaSetConventions,
): Record<string, string> {
  const skipped = new Set([
    'kubectl.kubernetes.io/last-applied-configuration',
    ...conventions.ownAnnotations,
  ]);
  return Object.fromEntries(
    Object.entries(owner.metadata.annotations ?? {}).filter(
      ([key]) => !skipped.has(key),
    ),
  );
}

/**
 * A ReplicaSet's annotations once it becomes the newest revision again (a rollback): the new
 * revision, and the one it had appended to its revision history, as upstream's
 * `SetNewReplicaSetAnnotations` does. Unchanged when its revision is not lower.
 */
export function reviseAnnotations(
  annotations: Readonly<Record<string, string>> | undefined,
  revision: number,
  conventions: ReplicaSetConventions,
): Record<string, string> {
  const next = { ...annotations };
  const old = next[conventions.revisionAnnotation];
  if (Number(old ?? 0) >= revision) return next;
  next[conventions.revisionAnnotation] = String(revision);
  if (old === undefined) return next;
  const historyKey = conventions.revisionHistoryAnnotation;
  const history = next[historyKey] ? next[historyKey].split(',') : [];
  if (!history.length) {
    next[historyKey] = old;
    return next;
  }
  const limit = conventions.revisionHistoryLimitInChars ?? Infinity;
  let length = history.join(',').length + old.length + 1;
  while (length > limit && history.length)
    length -= history.shift()!.length + 1;
  if (length <= limit) next[historyKey] = [...history, old].join(',');
  return next;
}

export function buildReplicaSet(
  owner: ReplicaSetOwner,
  options: {
    hash: string;
    replicas: number;
    revision: number;
    conventions: ReplicaSetConventions;
    annotations?: Record<string, string>;
    minReadySeconds?: number;
  },
): ReplicaSet {
  const { hash, conventions } = options;
  const templateLabels = {
    ...(owner.spec.template.metadata?.labels ?? {}),
    [conventions.hashLabel]: hash,
  };
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${owner.metadata.name}-${hash}`,
      namespace: owner.metadata.namespace,
      labels: templateLabels,
      annotations: {
        ...inheritedAnnotations(owner, conventions),
        ...options.annotations,
        [conventions.revisionAnnotation]: String(options.revision),
      },
      ownerReferences: [controllerReference(owner)],
    },
    spec: {
      replicas: options.replicas,
      minReadySeconds: options.minReadySeconds ?? 0,
      selector: {
        ...owner.spec.selector,
        matchLabels: {
          ...(owner.spec.selector.matchLabels ?? {}),
          [conventions.hashLabel]: hash,
        },
      },
      template: {
        ...owner.spec.template,
        metadata: { ...owner.spec.template.metadata, labels: templateLabels },
      },
    },
    status: { replicas: 0 },
  };
}

export function specReplicas(rs: ReplicaSet | undefined): number {
  return rs?.spec.replicas ?? 0;
}

export function availableReplicas(rs: ReplicaSet | undefined): number {
  return rs?.status?.availableReplicas ?? 0;
}

export function sumSpecReplicas(replicaSets: readonly ReplicaSet[]): number {
  return replicaSets.reduce((sum, rs) => sum + specReplicas(rs), 0);
}

export function sumStatus(
  replicaSets: readonly ReplicaSet[],
  field: 'replicas' | 'readyReplicas' | 'availableReplicas',
): number {
  return replicaSets.reduce((sum, rs) => sum + (rs.status?.[field] ?? 0), 0);
}

function byCreation(a: ReplicaSet, b: ReplicaSet): number {
  const byTime = (a.metadata.creationTimestamp ?? '').localeCompare(
    b.metadata.creationTimestamp ?? '',
  );
  return byTime !== 0 ? byTime : a.metadata.name.localeCompare(b.metadata.name);
}
