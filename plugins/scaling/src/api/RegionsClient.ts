import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import {
  EntityRegions,
  RegionFacts,
  RegionsOverview,
  ScalingBackendClient,
} from '@meschain/backstage-plugin-scaling-common';
import { RegionsApi } from './RegionsApi';
import { entityPathParams, readBody } from './scalingBackend';

/** @public Reads regions from the scaling backend with the signed-in user's identity. */
export class RegionsClient implements RegionsApi {
  private readonly backend: ScalingBackendClient;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.backend = new ScalingBackendClient(options);
  }

  async getRegionsOverview(): Promise<RegionsOverview> {
    return readBody(await this.backend.getRegionsOverview({}));
  }

  async getRegion(regionId: string): Promise<RegionFacts> {
    return readBody(await this.backend.getRegionFacts({ path: { regionId } }));
  }

  async getEntityRegions(entityRef: CompoundEntityRef): Promise<EntityRegions> {
    return readBody(
      await this.backend.getEntityRegions({
        path: entityPathParams(entityRef),
      }),
    );
  }
}
