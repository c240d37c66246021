import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { EntityScalingState } from '@meschain/backstage-plugin-scaling-common';

/** Reads how an entity's workloads are scaled in every cluster of its regions. */
export interface EntityScalingStateService {
  /**
   * Never fails because of one cluster: a cluster that cannot be read is
   * reported with its error, next to the others' workloads.
   *
   * @throws NotFoundError when the catalog has no such entity
   */
  getScalingState(
    entityRef: CompoundEntityRef,
    options: { credentials: BackstageCredentials },
  ): Promise<EntityScalingState>;
}
