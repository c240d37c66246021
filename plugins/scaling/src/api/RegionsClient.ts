import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import {
  EntityRegions,
  RegionFacts,
  RegionsOverview,
} from '@meschain/backstage-plugin-scaling-common';
import { RegionsApi } from './RegionsApi';
import { entityPath, requestScalingBackend } from './scalingBackend';

/** @public Reads regions from the scaling backend with the signed-in user's identity. */
export class RegionsClient implements RegionsApi {
  private readonly apis: { discoveryApi: DiscoveryApi; fetchApi: FetchApi };

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.apis = {
      discoveryApi: options.discoveryApi,
      fetchApi: options.fetchApi,
    };
  }

  async getRegionsOverview(): Promise<RegionsOverview> {
    return requestScalingBackend(this.apis, '/regions');
  }

  async getRegion(regionId: string): Promise<RegionFacts> {
    return requestScalingBackend(
      this.apis,
      `/regions/${encodeURIComponent(regionId)}`,
    );
  }

  async getEntityRegions(entityRef: CompoundEntityRef): Promise<EntityRegions> {
    return requestScalingBackend(
      this.apis,
      `${entityPath(entityRef)}/regions`,
    );
  }
}
