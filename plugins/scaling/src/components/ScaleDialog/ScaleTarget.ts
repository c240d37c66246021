import { WorkloadScalingState } from '@meschain/backstage-plugin-scaling-common';

/** The workload a scale dialog acts on, and where it runs. */
export interface ScaleTarget {
  region: string;
  cluster: string;
  workload: WorkloadScalingState;
}
