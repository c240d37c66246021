import { createApiRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  EntityLoadForecast,
  PredictiveScheduleView,
} from '@meschain/backstage-plugin-scaling-common';

/** @public A service's load forecast and the predictive schedules of its HPA's minimum. */
export interface PredictiveApi {
  /** The region's past week against its forecast, and the next 7 days. */
  getLoadForecast(
    entityRef: CompoundEntityRef,
    region: string,
  ): Promise<EntityLoadForecast>;
  /** The proposed schedule, its what-if effect, and the one applied. */
  getSchedule(
    entityRef: CompoundEntityRef,
    region: string,
  ): Promise<PredictiveScheduleView>;
  applySchedule(
    entityRef: CompoundEntityRef,
    region: string,
  ): Promise<PredictiveScheduleView>;
  removeSchedule(entityRef: CompoundEntityRef, region: string): Promise<void>;
}

/** @public */
export const predictiveApiRef = createApiRef<PredictiveApi>({
  id: 'plugin.scaling.predictive',
});
