import { NotFoundError } from '@backstage/errors';
import { ScalingWorkloadRef } from '@meschain/backstage-plugin-scaling-common';
import { resourcePath } from '../Clusters';
import { EntityPlacement, workloadRefOf } from './entityPlacement';
import { explainStaleVersion } from './errors';
import { AuthorizedWrite } from './scalingWritePipeline';

const AUTOSCALERS = {
  apiVersion: 'autoscaling/v2',
  plural: 'horizontalpodautoscalers',
};

type AutoscalerObject = {
  metadata: { resourceVersion?: string };
  spec: { minReplicas?: number; maxReplicas: number };
};

/**
 * Sets the minimum of the HPA that scales a workload, within an allowed write: for the steps of
 * a predictive schedule, which change the minimum alone. A minimum over the HPA's maximum is
 * lowered to it, as the HPA would never scale past the maximum anyway.
 */
export async function setAutoscalerMinimum(
  write: AuthorizedWrite,
  placement: EntityPlacement,
  target: {
    cluster: string;
    workload: ScalingWorkloadRef;
    minReplicas: number;
  },
): Promise<{ cluster: string; hpa: string; before: number; after: number }> {
  const cluster = placement.clusterOf(write.facts, target.cluster);
  const client = await placement.clientFor(cluster);
  const workload = await placement.workloadIn(
    client,
    write.facts,
    target.workload,
  );
  const described = `${workload.kind} ${workload.namespace}/${workload.name} in cluster ${cluster.name}`;
  if (!workload.autoscaler) {
    throw new NotFoundError(`No HorizontalPodAutoscaler targets ${described}`);
  }
  const hpa = workload.autoscaler.name;
  const path = resourcePath(AUTOSCALERS, {
    namespace: workload.namespace,
    name: hpa,
  });
  const live = await client.get<AutoscalerObject>(path);
  const before = live.spec.minReplicas ?? 1;
  const minReplicas = Math.min(target.minReplicas, live.spec.maxReplicas);
  return write.inCluster(
    {
      cluster: cluster.name,
      workload: workloadRefOf(workload),
      before: { min: before },
    },
    async () => {
      const patched = await client
        .patch<AutoscalerObject>(
          path,
          {
            metadata: { resourceVersion: live.metadata.resourceVersion },
            spec: { minReplicas },
          },
          { patchType: 'application/merge-patch+json' },
        )
        .catch(error => {
          throw explainStaleVersion(
            error,
            `HorizontalPodAutoscaler ${hpa} in cluster ${cluster.name}`,
          );
        });
      const after = patched.spec.minReplicas ?? 1;
      return {
        result: { cluster: cluster.name, hpa, before, after },
        after: { min: after },
      };
    },
  );
}
