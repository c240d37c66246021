import { createApiRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  EntityRegions,
  RegionFacts,
  RegionsOverview,
} from '@meschain/backstage-plugin-scaling-common';

/** @public The regions part of the scaling backend, as the frontend sees it. */
export interface RegionsApi {
  /** Every region with its live facts, the edge locations and the DR readiness of every service. */
  getRegionsOverview(): Promise<RegionsOverview>;
  getRegion(regionId: string): Promise<RegionFacts>;
  /** The regions one catalog entity runs in, and whether it could fail over. */
  getEntityRegions(entityRef: CompoundEntityRef): Promise<EntityRegions>;
}

/** @public */
export const regionsApiRef = createApiRef<RegionsApi>({
  id: 'plugin.scaling.regions',
});
