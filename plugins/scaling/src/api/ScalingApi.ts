import { createApiRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { ScalingEntityFacts } from '@meschain/backstage-plugin-scaling-common';

/** @public The scaling backend, as the frontend sees it. */
export interface ScalingApi {
  getEntityFacts(entityRef: CompoundEntityRef): Promise<ScalingEntityFacts>;
}

/** @public */
export const scalingApiRef = createApiRef<ScalingApi>({
  id: 'plugin.scaling.service',
});
