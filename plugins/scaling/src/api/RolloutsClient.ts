import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import {
  EntityRolloutState,
  RolloutActionRequest,
  RolloutActionResult,
  ScalingBackendClient,
} from '@meschain/backstage-plugin-scaling-common';
import { RolloutsApi } from './RolloutsApi';
import { entityPathParams, readBody } from './scalingBackend';

/** @public Reads and drives an entity's rollouts with the signed-in user's identity. */
export class RolloutsClient implements RolloutsApi {
  private readonly backend: ScalingBackendClient;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.backend = new ScalingBackendClient(options);
  }

  async getEntityRollouts(
    entityRef: CompoundEntityRef,
  ): Promise<EntityRolloutState> {
    return readBody(
      await this.backend.getEntityRollouts({
        path: entityPathParams(entityRef),
      }),
    );
  }

  async runRolloutAction(
    entityRef: CompoundEntityRef,
    request: RolloutActionRequest,
  ): Promise<RolloutActionResult> {
    return readBody(
      await this.backend.actOnRollout({
        path: entityPathParams(entityRef),
        body: request,
      }),
    );
  }
}
