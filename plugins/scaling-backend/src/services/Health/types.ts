import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  EntityHealth,
  EntityHealthChecks,
} from '@meschain/backstage-plugin-scaling-common';

/** Whether a service is healthy, from its metrics, its clusters and its catalog entry. */
export interface EntityHealthService {
  /**
   * The golden signals in each region of the entity, with sparklines over
   * `window`, and its SLO. A region whose Prometheus or cluster fails comes
   * back with its error, next to the others.
   *
   * @throws NotFoundError when the catalog has no such entity
   * @throws InputError for a window that is not 5m to 7d
   */
  getHealth(
    entityRef: CompoundEntityRef,
    options: { credentials: BackstageCredentials; window?: string },
  ): Promise<EntityHealth>;
  /**
   * Every health check of the entity, or of the entity in one region.
   *
   * @throws NotFoundError when the catalog has no such entity
   * @throws InputError for a region the entity does not run in
   */
  getChecks(
    entityRef: CompoundEntityRef,
    options: { credentials: BackstageCredentials; region?: string },
  ): Promise<EntityHealthChecks>;
}
