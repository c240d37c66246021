import { createApiRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  EntityHealth,
  EntityHealthChecks,
} from '@meschain/backstage-plugin-scaling-common';

/** @public The scaling backend's health of a service, from its metrics source. */
export interface HealthApi {
  /** Golden signals per region with their series over the window (`1h` by default), and the SLO. */
  getEntityHealth(
    entityRef: CompoundEntityRef,
    options?: { window?: string },
  ): Promise<EntityHealth>;
  /** Every health check of the service, or of the service in one region. */
  getHealthChecks(
    entityRef: CompoundEntityRef,
    options?: { region?: string },
  ): Promise<EntityHealthChecks>;
}

/** @public */
export const healthApiRef = createApiRef<HealthApi>({
  id: 'plugin.scaling.health',
});
