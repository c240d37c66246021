import { NotFoundError } from '@backstage/errors';
import { KubernetesResourceType, resourcePath } from '../Clusters';
import {
  HorizontalPodAutoscalerObject,
  ScalableWorkloadObject,
} from './kubernetesObjects';
import { SCALABLE_WORKLOAD_TYPES } from './workloadReplicas';

const AUTOSCALERS = {
  apiVersion: 'autoscaling/v2',
  plural: 'horizontalpodautoscalers',
};

/** A workload with the resource type it was listed as. */
export type ListedWorkload = {
  type: (typeof SCALABLE_WORKLOAD_TYPES)[number];
  object: ScalableWorkloadObject;
};

/**
 * Every scalable workload and HPA of a cluster, across namespaces, through
 * the given list call. A resource the cluster does not serve (a cluster
 * without Argo Rollouts answers its list with 404) lists as empty.
 */
export async function listScalableWorkloads(
  list: <T>(path: string) => Promise<T[]>,
): Promise<{
  autoscalers: HorizontalPodAutoscalerObject[];
  workloads: ListedWorkload[];
}> {
  const unlessUnserved = <T>(type: KubernetesResourceType) =>
    list<T>(resourcePath(type)).catch(error => {
      if (NotFoundError.is(error)) return [] as T[];
      throw error;
    });
  const [autoscalers, ...workloadLists] = await Promise.all([
    unlessUnserved<HorizontalPodAutoscalerObject>(AUTOSCALERS),
    ...SCALABLE_WORKLOAD_TYPES.map(type =>
      unlessUnserved<ScalableWorkloadObject>(type).then(items =>
        items.map(object => ({ type, object })),
      ),
    ),
  ]);
  return { autoscalers, workloads: workloadLists.flat() };
}
