import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  EntityLoadForecast,
  PredictiveScheduleView,
  ScalingBackendClient,
} from '@meschain/backstage-plugin-scaling-common';
import { PredictiveApi } from './PredictiveApi';
import { entityPathParams, readBody } from './scalingBackend';

/** @public Reads and applies predictive schedules with the signed-in user's identity. */
export class PredictiveClient implements PredictiveApi {
  private readonly backend: ScalingBackendClient;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.backend = new ScalingBackendClient(options);
  }

  async getLoadForecast(
    entityRef: CompoundEntityRef,
    region: string,
  ): Promise<EntityLoadForecast> {
    return readBody(
      await this.backend.getEntityLoadForecast({
        path: entityPathParams(entityRef),
        query: { region },
      }),
    );
  }

  async getSchedule(
    entityRef: CompoundEntityRef,
    region: string,
  ): Promise<PredictiveScheduleView> {
    return readBody(
      await this.backend.getPredictiveSchedule({
        path: entityPathParams(entityRef),
        query: { region },
      }),
    );
  }

  async applySchedule(
    entityRef: CompoundEntityRef,
    region: string,
  ): Promise<PredictiveScheduleView> {
    return readBody(
      await this.backend.applyPredictiveSchedule({
        path: entityPathParams(entityRef),
        body: { region },
      }),
    );
  }

  async removeSchedule(
    entityRef: CompoundEntityRef,
    region: string,
  ): Promise<void> {
    const response = await this.backend.removePredictiveSchedule({
      path: entityPathParams(entityRef),
      query: { region },
    });
    if (!response.ok) throw await ResponseError.fromResponse(response);
  }
}
