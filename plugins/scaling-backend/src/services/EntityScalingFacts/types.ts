import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { ScalingEntityFacts } from '@meschain/backstage-plugin-scaling-common';

/** Answers what the suite needs to know about a catalog entity before it touches a cluster. */
export interface EntityScalingFactsService {
  /** Throws `NotFoundError` when the catalog has no such entity. */
  getFacts(
    entityRef: CompoundEntityRef,
    options: { credentials: BackstageCredentials },
  ): Promise<ScalingEntityFacts>;
}
