import {
  ScalableWorkloadKind,
  WorkloadReplicas,
} from '@meschain/backstage-plugin-scaling-common';
import { KubernetesResourceType } from '../Clusters';
import { ScalableWorkloadObject } from './kubernetesObjects';

/** The workload resources the suite scales, in the order they are shown. */
export const SCALABLE_WORKLOAD_TYPES: ReadonlyArray<
  KubernetesResourceType & { kind: ScalableWorkloadKind }
> = [
  { kind: 'Deployment', apiVersion: 'apps/v1', plural: 'deployments' },
  { kind: 'Rollout', apiVersion: 'argoproj.io/v1alpha1', plural: 'rollouts' },
];

/** Replica counts with the API server's defaults: `spec.replicas` is 1 when unset, status counts 0. */
export function workloadReplicas(
  workload: ScalableWorkloadObject,
): WorkloadReplicas {
  const status = workload.status ?? {};
  return {
    desired: workload.spec?.replicas ?? 1,
    current: status.replicas ?? 0,
    ready: status.readyReplicas ?? 0,
    available: status.availableReplicas ?? 0,
    updated: status.updatedReplicas ?? 0,
  };
}
