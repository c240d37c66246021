import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { ScalingEntityFacts } from '@meschain/backstage-plugin-scaling-common';

/** Answers what the suite needs to know about a catalog entity before it touches a cluster. */
export interface EntityScalingFactsService {
  /**
   * Throws `NotFoundError` when the catalog has no such entity. Reads may be
   * answered from the caller's catalog answers of the last few seconds;
   * `fresh` asks the catalog, as a write does.
   */
  getFacts(
    entityRef: CompoundEntityRef,
    options: { credentials: BackstageCredentials; fresh?: boolean },
  ): Promise<ScalingEntityFacts>;
}
