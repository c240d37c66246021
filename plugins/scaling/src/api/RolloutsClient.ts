import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import {
  EntityRolloutState,
  RolloutActionRequest,
  RolloutActionResult,
} from '@meschain/backstage-plugin-scaling-common';
import { RolloutsApi } from './RolloutsApi';
import { entityPath, postJson, requestScalingBackend } from './scalingBackend';

/** @public Reads and drives an entity's rollouts with the signed-in user's identity. */
export class RolloutsClient implements RolloutsApi {
  private readonly apis: { discoveryApi: DiscoveryApi; fetchApi: FetchApi };

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.apis = {
      discoveryApi: options.discoveryApi,
      fetchApi: options.fetchApi,
    };
  }

  async getEntityRollouts(
    entityRef: CompoundEntityRef,
  ): Promise<EntityRolloutState> {
    return requestScalingBackend(
      this.apis,
      `${entityPath(entityRef)}/rollouts`,
    );
  }

  async runRolloutAction(
    entityRef: CompoundEntityRef,
    request: RolloutActionRequest,
  ): Promise<RolloutActionResult> {
    return requestScalingBackend(
      this.apis,
      `${entityPath(entityRef)}/rollouts/actions`,
      postJson(request),
    );
  }
}
