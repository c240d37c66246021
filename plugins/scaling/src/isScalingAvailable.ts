import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_KUBERNETES_ID,
  ANNOTATION_KUBERNETES_LABEL_SELECTOR,
  ANNOTATION_REGIONS,
} from '@meschain/backstage-plugin-scaling-common';

/**
 * @public
 * Whether the entity names workloads the suite can find: the upstream
 * Kubernetes annotations, or the regions it runs in.
 */
export function isScalingAvailable(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return [
    ANNOTATION_KUBERNETES_ID,
    ANNOTATION_KUBERNETES_LABEL_SELECTOR,
    ANNOTATION_REGIONS,
  ].some(name => Boolean(annotations[name]));
}
