import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  EntityRolloutState,
  RolloutActionRequest,
  RolloutActionResult,
} from '@meschain/backstage-plugin-scaling-common';
import { WriteCaller } from '../ScalingWrites';

/** Reads and drives an entity's Argo Rollouts and Deployments, in every cluster of its regions. */
export interface RolloutService {
  /** Always read afresh: the tab follows a rollout's progress live. A failed cluster carries its error. */
  getRolloutState(
    entityRef: CompoundEntityRef,
    options: { credentials: BackstageCredentials },
  ): Promise<EntityRolloutState>;

  /**
   * Authorizes, validates against the workload's current state, audits and
   * sends the action's patches.
   *
   * @throws NotAllowedError without `scaling.rollout.manage` on the entity
   * @throws InputError for an action the workload's kind does not take, or a cluster the entity does not run in
   * @throws NotFoundError for an unknown workload, revision or container
   * @throws ConflictError for an action the workload's current state does not allow
   */
  act(
    entityRef: CompoundEntityRef,
    request: RolloutActionRequest,
    caller: WriteCaller,
  ): Promise<RolloutActionResult>;
}
