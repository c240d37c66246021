import {
  RolloutActionName,
  RolloutRevision,
  WorkloadRolloutState,
} from '@meschain/backstage-plugin-scaling-common';

/** A Rollout or Deployment in one region, as the tab shows it. */
export interface RolloutTarget {
  region: string;
  cluster: string;
  workload: WorkloadRolloutState;
  /** The backend's time when it read the cluster; countdowns start from it. */
  observedAt?: string;
}

/** An action the user chose and has yet to confirm. */
export interface PendingRolloutAction {
  target: RolloutTarget;
  action: RolloutActionName;
  /** `undo`: the revision to return to. */
  revision?: RolloutRevision;
}
