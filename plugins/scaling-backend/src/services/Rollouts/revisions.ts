import {
  ContainerImage,
  RolloutRevision,
} from '@meschain/backstage-plugin-scaling-common';
import { KubernetesObject } from '../Clusters';
import {
  PodTemplate,
  POD_TEMPLATE_HASH_LABELS,
  ReplicaSetObject,
} from './rolloutObjects';

export function imagesOf(template: PodTemplate | undefined): ContainerImage[] {
  return (template?.spec?.containers ?? []).map(container => ({
    container: container.name,
    image: container.image ?? '',
  }));
}

export function podTemplateHashOf(rs: ReplicaSetObject): string | undefined {
  const labels = rs.metadata.labels ?? {};
  return POD_TEMPLATE_HASH_LABELS.map(label => labels[label]).find(Boolean);
}

export function revisionOf(rs: ReplicaSetObject, annotation: string): number {
  return Number(rs.metadata.annotations?.[annotation] ?? 0);
}

export function isOwnedBy(
  owner: KubernetesObject,
  rs: ReplicaSetObject,
): boolean {
  return !!rs.metadata.ownerReferences?.some(
    ref => ref.controller && ref.uid === owner.metadata.uid,
  );
}

/**
 * A workload's revisions, newest first: one per ReplicaSet it controls, as
 * `kubectl rollout history` lists them.
 */
export function revisionsOf(options: {
  replicaSets: ReplicaSetObject[];
  revisionAnnotation: string;
  /** The pod-template-hash of the revision the spec describes. */
  currentHash?: string;
  stableHash?: string;
}): RolloutRevision[] {
  const { replicaSets, revisionAnnotation, currentHash, stableHash } = options;
  return replicaSets
    .map((rs): RolloutRevision => {
      const hash = podTemplateHashOf(rs);
      return {
        revision: revisionOf(rs, revisionAnnotation),
        replicaSet: rs.metadata.name,
        podTemplateHash: hash,
        images: imagesOf(rs.spec?.template),
        createdAt: rs.metadata.creationTimestamp ?? '',
        replicas: {
          desired: rs.spec?.replicas ?? 0,
          ready: rs.status?.readyReplicas ?? 0,
          available: rs.status?.availableReplicas ?? 0,
        },
        current: hash !== undefined && hash === currentHash,
        stable: hash !== undefined && hash === stableHash,
      };
    })
    .sort((a, b) => b.revision - a.revision);
}

/** The pod template without the hash label its controller added, as undo writes it back. */
export function templateWithoutHash(
  template: PodTemplate | undefined,
): PodTemplate {
  const copy: PodTemplate = structuredClone(template ?? {});
  for (const label of POD_TEMPLATE_HASH_LABELS) {
    delete copy.metadata?.labels?.[label];
  }
  return copy;
}
