import { createApiRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
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
  ScalingEntityFacts,
  ScalingHistory,
  ScalingOptions,
} from '@meschain/backstage-plugin-scaling-common';

/** @public The scaling backend, as the frontend sees it. */
export interface ScalingApi {
  getEntityFacts(entityRef: CompoundEntityRef): Promise<ScalingEntityFacts>;
  /** Replicas and HPAs of the entity's workloads in every cluster of its regions. */
  getEntityScaling(entityRef: CompoundEntityRef): Promise<EntityScalingState>;
  /** Presets and the guard-rails that apply to the entity. */
  getScalingOptions(entityRef: CompoundEntityRef): Promise<ScalingOptions>;
  scaleWorkload(
    entityRef: CompoundEntityRef,
    request: ScaleRequest,
  ): Promise<ScaleResult>;
  setAutoscalerBounds(
    entityRef: CompoundEntityRef,
    request: AutoscalerBoundsRequest,
  ): Promise<AutoscalerBoundsResult>;
  /** Applies a policy, or with `dryRun` renders and diffs it without changing anything. */
  applyPolicy(
    entityRef: CompoundEntityRef,
    request: PolicyApplyRequest,
  ): Promise<PolicyApplyResult>;
  deletePolicy(
    entityRef: CompoundEntityRef,
    regions: string[],
  ): Promise<PolicyDeleteResult>;
  /** Replays the service's recorded load under the live policy and a candidate; changes nothing. */
  simulatePolicy(
    entityRef: CompoundEntityRef,
    request: PolicySimulationRequest,
  ): Promise<PolicySimulation>;
  /** Our audited actions and the clusters' rescale events, newest first. */
  getHistory(
    entityRef: CompoundEntityRef,
    options?: { limit?: number },
  ): Promise<ScalingHistory>;
}

/** @public */
export const scalingApiRef = createApiRef<ScalingApi>({
  id: 'plugin.scaling.service',
});
