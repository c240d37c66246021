import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_CLUSTER_DR_REGION,
  ANNOTATION_CLUSTER_LOCATION,
  ANNOTATION_CLUSTER_REGION,
  ANNOTATION_CLUSTER_REGION_ROLE,
  EntityCluster,
} from '@meschain/backstage-plugin-scaling-common';

/**
 * Turns a `kubernetes-cluster` Resource into the cluster a service runs in.
 * A Resource without a region annotation serves no region, so it is skipped.
 */
export function toEntityCluster(resource: Entity): EntityCluster | undefined {
  const annotations = resource.metadata.annotations ?? {};
  const region = annotations[ANNOTATION_CLUSTER_REGION];
  if (!region) {
    return undefined;
  }
  return {
    name: resource.metadata.name,
    entityRef: stringifyEntityRef(resource),
    title: resource.metadata.title,
    region,
    role:
      annotations[ANNOTATION_CLUSTER_REGION_ROLE] === 'dr' ? 'dr' : 'primary',
    location: annotations[ANNOTATION_CLUSTER_LOCATION],
    drRegion: annotations[ANNOTATION_CLUSTER_DR_REGION],
  };
}
