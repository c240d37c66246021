import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/core-plugin-api';
import {
  EntityRolloutState,
  RolloutActionRequest,
  RolloutActionResult,
} from '@meschain/backstage-plugin-scaling-common';

/** @public The scaling backend's deployment-strategy routes, as the frontend sees them. */
export interface RolloutsApi {
  /** Every Argo Rollout and Deployment of the entity, in each cluster of its regions. */
  getEntityRollouts(entityRef: CompoundEntityRef): Promise<EntityRolloutState>;
  /** Promotes, aborts, retries, restarts, pauses, resumes, undoes or sets an image. */
  runRolloutAction(
    entityRef: CompoundEntityRef,
    request: RolloutActionRequest,
  ): Promise<RolloutActionResult>;
}

/** @public */
export const rolloutsApiRef = createApiRef<RolloutsApi>({
  id: 'plugin.scaling.rollouts',
});
