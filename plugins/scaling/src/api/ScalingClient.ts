import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import {
  AutoscalerBoundsRequest,
  AutoscalerBoundsResult,
  EntityScalingState,
  PolicyApplyRequest,
  PolicyApplyResult,
  PolicyDeleteResult,
  PolicySimulation,
  PolicySimulationRequest,
  ScaleRequest,
  ScaleResult,
  ScalingBackendClient,
  ScalingEntityFacts,
  ScalingHistory,
  ScalingOptions,
} from '@meschain/backstage-plugin-scaling-common';
import { ScalingApi } from './ScalingApi';
import { entityPathParams, readBody } from './scalingBackend';

/** @public Talks to the scaling backend with the signed-in user's identity. */
export class ScalingClient implements ScalingApi {
  private readonly backend: ScalingBackendClient;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.backend = new ScalingBackendClient(options);
  }

  async getEntityFacts(
    entityRef: CompoundEntityRef,
  ): Promise<ScalingEntityFacts> {
    return readBody(
      await this.backend.getEntityScalingFacts({
        path: entityPathParams(entityRef),
      }),
    );
  }

  async getEntityScaling(
    entityRef: CompoundEntityRef,
  ): Promise<EntityScalingState> {
    return readBody(
      await this.backend.getEntityScalingState({
        path: entityPathParams(entityRef),
      }),
    );
  }

  async getScalingOptions(
    entityRef: CompoundEntityRef,
  ): Promise<ScalingOptions> {
    return readBody(
      await this.backend.getScalingOptions({
        path: entityPathParams(entityRef),
      }),
    );
  }

  async scaleWorkload(
    entityRef: CompoundEntityRef,
    request: ScaleRequest,
  ): Promise<ScaleResult> {
    return readBody(
      await this.backend.scaleWorkload({
        path: entityPathParams(entityRef),
        body: request,
      }),
    );
  }

  async setAutoscalerBounds(
    entityRef: CompoundEntityRef,
    request: AutoscalerBoundsRequest,
  ): Promise<AutoscalerBoundsResult> {
    return readBody(
      await this.backend.setAutoscalerBounds({
        path: entityPathParams(entityRef),
        body: request,
      }),
    );
  }

  async applyPolicy(
    entityRef: CompoundEntityRef,
    request: PolicyApplyRequest,
  ): Promise<PolicyApplyResult> {
    return readBody(
      await this.backend.applyScalingPolicy({
        path: entityPathParams(entityRef),
        body: request,
      }),
    );
  }

  async deletePolicy(
    entityRef: CompoundEntityRef,
    regions: string[],
  ): Promise<PolicyDeleteResult> {
    return readBody(
      await this.backend.deleteScalingPolicy({
        path: entityPathParams(entityRef),
        query: { regions: regions.join(',') },
      }),
    );
  }

  async simulatePolicy(
    entityRef: CompoundEntityRef,
    request: PolicySimulationRequest,
  ): Promise<PolicySimulation> {
    return readBody(
      await this.backend.simulateScalingPolicy({
        path: entityPathParams(entityRef),
        body: request,
      }),
    );
  }

  async getHistory(
    entityRef: CompoundEntityRef,
    options: { limit?: number } = {},
  ): Promise<ScalingHistory> {
    return readBody(
      await this.backend.getScalingHistory({
        path: entityPathParams(entityRef),
        query: options,
      }),
    );
  }
}
