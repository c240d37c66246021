import { createApiRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  CostEfficiency,
  CostRecommendations,
  CostWindow,
  EntityCost,
  OrgCost,
  TeamCost,
} from '@meschain/backstage-plugin-scaling-common';

/**
 * @public
 * The scaling backend's cost rollups. Without a window, the backend answers
 * for the last 30 complete UTC days.
 */
export interface CostApi {
  /** The entity's daily cost by region and resource, with the change against the previous window. */
  getEntityCost(
    entityRef: CompoundEntityRef,
    window?: CostWindow,
  ): Promise<EntityCost>;
  /** CPU and memory requested against used. */
  getEntityEfficiency(
    entityRef: CompoundEntityRef,
    window?: CostWindow,
  ): Promise<CostEfficiency>;
  /** The savings proposed after the last ingestion, from the recommendation window's hourly usage. */
  getEntityRecommendations(
    entityRef: CompoundEntityRef,
  ): Promise<CostRecommendations>;
  /** The cost of the entities a group owns, by service and region. */
  getTeamCost(
    teamRef: CompoundEntityRef,
    window?: CostWindow,
  ): Promise<TeamCost>;
  getOrgCost(window?: CostWindow): Promise<OrgCost>;
}

/** @public */
export const costApiRef = createApiRef<CostApi>({
  id: 'plugin.scaling.cost',
});
