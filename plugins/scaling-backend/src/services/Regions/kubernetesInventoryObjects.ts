/** The parts of nodes and pods the region view reads. */
import { KubernetesObject } from '../Clusters';
import { PodSpec, ResourceList } from '../ScalingState';

export type NodeObject = KubernetesObject & {
  spec?: { unschedulable?: boolean };
  status?: {
    allocatable?: ResourceList;
    conditions?: Array<{ type: string; status: string }>;
  };
};

export type PodObject = KubernetesObject & {
  spec?: PodSpec & { nodeName?: string };
  status?: { phase?: string };
};
