import { RegionServicePlacement } from '@meschain/backstage-plugin-scaling-common';

/** Tells a workload's placements apart: one per cluster and namespace. */
export function placementKey(placement: RegionServicePlacement): string {
  return `${placement.cluster}/${placement.namespace}/${placement.workload.name}`;
}

/** Ready against desired replicas, e.g. `3 of 4`; a dash when unknown. */
export function formatReplicasReady(replicas?: {
  ready: number;
  desired: number;
}): string {
  return replicas ? `${replicas.ready} of ${replicas.desired}` : '—';
}
