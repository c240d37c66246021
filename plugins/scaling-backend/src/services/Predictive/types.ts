import type {
  ReplicaFloorStep,
  ScalingWorkloadRef,
} from '@meschain/backstage-plugin-scaling-common';

/** A schedule an owner applied to the HPA of one workload in one region. */
export interface AppliedSchedule {
  entityRef: string;
  region: string;
  cluster: string;
  workload: ScalingWorkloadRef;
  steps: ReplicaFloorStep[];
  /** Epoch ms of its end. */
  until: number;
  /** The HPA's minimum before the schedule, given back when it ends or is removed. */
  baseMinReplicas: number;
  /** The `from` of the last step set in the cluster. */
  appliedStepFrom?: number;
  appliedBy: string;
  appliedAt: string;
}

/** The applied schedules, one per entity and region. */
export interface PredictiveScheduleStore {
  /** Replaces the entity's schedule in the region. */
  save(schedule: AppliedSchedule): Promise<void>;
  get(entityRef: string, region: string): Promise<AppliedSchedule | undefined>;
  list(): Promise<AppliedSchedule[]>;
  /** Records the step the scheduler set. */
  markApplied(
    entityRef: string,
    region: string,
    stepFrom: number,
  ): Promise<void>;
  remove(entityRef: string, region: string): Promise<void>;
}
