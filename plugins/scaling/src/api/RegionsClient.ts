import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  EntityRegions,
  RegionFacts,
  RegionsOverview,
} from '@meschain/backstage-plugin-scaling-common';
import { RegionsApi } from './RegionsApi';
import { entityPath } from './ScalingClient';

/** @public Reads regions from the scaling backend with the signed-in user's identity. */
export class RegionsClient implements RegionsApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getRegionsOverview(): Promise<RegionsOverview> {
    return this.get('/regions');
  }

  async getRegion(regionId: string): Promise<RegionFacts> {
    return this.get(`/regions/${encodeURIComponent(regionId)}`);
  }

  async getEntityRegions(entityRef: CompoundEntityRef): Promise<EntityRegions> {
    return this.get(`${entityPath(entityRef)}/regions`);
  }

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('scaling');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
