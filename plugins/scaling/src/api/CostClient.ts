import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import {
  CostEfficiency,
  CostRecommendations,
  CostWindow,
  EntityCost,
  OrgCost,
  ScalingBackendClient,
  TeamCost,
} from '@meschain/backstage-plugin-scaling-common';
import { CostApi } from './CostApi';
import { entityPathParams, readBody } from './scalingBackend';

/** @public Reads the cost rollups with the signed-in user's identity. */
export class CostClient implements CostApi {
  private readonly backend: ScalingBackendClient;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.backend = new ScalingBackendClient(options);
  }

  async getEntityCost(
    entityRef: CompoundEntityRef,
    window?: CostWindow,
  ): Promise<EntityCost> {
    return readBody(
      await this.backend.getEntityCost({
        path: entityPathParams(entityRef),
        query: { ...window },
      }),
    );
  }

  async getEntityEfficiency(
    entityRef: CompoundEntityRef,
    window?: CostWindow,
  ): Promise<CostEfficiency> {
    return readBody(
      await this.backend.getEntityCostEfficiency({
        path: entityPathParams(entityRef),
        query: { ...window },
      }),
    );
  }

  async getEntityRecommendations(
    entityRef: CompoundEntityRef,
  ): Promise<CostRecommendations> {
    return readBody(
      await this.backend.getEntityCostRecommendations({
        path: entityPathParams(entityRef),
      }),
    );
  }

  async getTeamCost(
    teamRef: CompoundEntityRef,
    window?: CostWindow,
  ): Promise<TeamCost> {
    return readBody(
      await this.backend.getTeamCost({
        path: entityPathParams(teamRef),
        query: { ...window },
      }),
    );
  }

  async getOrgCost(window?: CostWindow): Promise<OrgCost> {
    return readBody(await this.backend.getOrgCost({ query: { ...window } }));
  }
}
