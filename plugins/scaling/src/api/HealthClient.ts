import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import {
  EntityHealth,
  EntityHealthChecks,
  ScalingBackendClient,
} from '@meschain/backstage-plugin-scaling-common';
import { HealthApi } from './HealthApi';
import { entityPathParams, readBody } from './scalingBackend';

/** @public Reads a service's health with the signed-in user's identity. */
export class HealthClient implements HealthApi {
  private readonly backend: ScalingBackendClient;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.backend = new ScalingBackendClient(options);
  }

  async getEntityHealth(
    entityRef: CompoundEntityRef,
    options: { window?: string } = {},
  ): Promise<EntityHealth> {
    return readBody(
      await this.backend.getEntityHealth({
        path: entityPathParams(entityRef),
        query: options,
      }),
    );
  }

  async getHealthChecks(
    entityRef: CompoundEntityRef,
    options: { region?: string } = {},
  ): Promise<EntityHealthChecks> {
    return readBody(
      await this.backend.getEntityHealthChecks({
        path: entityPathParams(entityRef),
        query: options,
      }),
    );
  }
}
