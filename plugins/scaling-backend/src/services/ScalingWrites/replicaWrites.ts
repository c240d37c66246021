import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  EntityCluster,
  ScalingEntityFacts,
  scalingReplicasUpdatePermission,
  scalingReplicasZeroPermission,
  ScalingWorkloadRef,
} from '@meschain/backstage-plugin-scaling-common';
import { resourcePath } from '../Clusters';
import {
  replicaLimitFor,
  ReplicaLimit,
  ScalingGuardRailSettings,
} from '../ScalingSettings';
import { SCALABLE_WORKLOAD_TYPES } from '../ScalingState';
import { EntityPlacement, workloadRefOf } from './entityPlacement';
import { explainStaleVersion } from './errors';
import { ScalingWritePipeline } from './scalingWritePipeline';
import { ScalingWriteService } from './types';

const AUTOSCALERS = {
  apiVersion: 'autoscaling/v2',
  plural: 'horizontalpodautoscalers',
};

type ScaleObject = { spec?: { replicas?: number } };
type AutoscalerObject = {
  metadata: { resourceVersion?: string };
  spec: { minReplicas?: number; maxReplicas: number };
};

function requireWithinLimit(field: string, value: number, limit: ReplicaLimit) {
  if (value > limit.maxReplicas) {
    const scope = limit.tier
      ? `for ${limit.tier} services`
      : 'under the platform guard-rails';
    throw new InputError(
      `${field} must be at most ${limit.maxReplicas} ${scope}, got ${value}`,
    );
  }
}

/** Zero replicas is a permission of its own, on top of scaling. */
function replicaPermissions(lowest: number) {
  return lowest === 0
    ? [scalingReplicasUpdatePermission, scalingReplicasZeroPermission]
    : [scalingReplicasUpdatePermission];
}

/** Scale and autoscaler-bounds: writes of one workload's replicas in one cluster. */
export function createReplicaWrites(options: {
  pipeline: ScalingWritePipeline;
  placement: EntityPlacement;
  guardRails: ScalingGuardRailSettings;
}): Pick<ScalingWriteService, 'scale' | 'setAutoscalerBounds'> {
  const { pipeline, placement, guardRails } = options;

  /** The workload a request names, read afresh from its cluster, and how messages name it. */
  async function loadWorkload(
    cluster: EntityCluster,
    facts: ScalingEntityFacts,
    ref: ScalingWorkloadRef,
  ) {
    const client = await placement.clientFor(cluster);
    const workload = await placement.workloadIn(client, facts, ref);
    const described = `${workload.kind} ${workload.namespace}/${workload.name} in cluster ${cluster.name}`;
    return { client, workload, described };
  }

  return {
    async scale(entityRef, request, caller) {
      return pipeline.run(
        caller,
        {
          entityRef,
          action: 'replicas.scale',
          required: replicaPermissions(request.replicas),
          asked: request,
          cluster: request.cluster,
        },
        async write => {
          const { facts } = write;
          const cluster = placement.clusterOf(facts, request.cluster);
          requireWithinLimit(
            'replicas',
            request.replicas,
            replicaLimitFor(guardRails, facts.tier),
          );
          const { client, workload, described } = await loadWorkload(
            cluster,
            facts,
            request.workload,
          );
          if (workload.autoscaler) {
            throw new ConflictError(
              `HorizontalPodAutoscaler ${workload.autoscaler.name} owns the replicas of ${described}; change its minimum and maximum instead`,
            );
          }
          const type = SCALABLE_WORKLOAD_TYPES.find(
            t => t.kind === workload.kind,
          )!;
          const before = workload.replicas.desired;
          return write.inCluster(
            {
              cluster: cluster.name,
              workload: workloadRefOf(workload),
              before: { replicas: before },
            },
            async () => {
              const scale = await client
                .put<ScaleObject>(
                  resourcePath(type, {
                    namespace: workload.namespace,
                    name: workload.name,
                    subresource: 'scale',
                  }),
                  {
                    apiVersion: 'autoscaling/v1',
                    kind: 'Scale',
                    metadata: {
                      name: workload.name,
                      namespace: workload.namespace,
                      // The precondition: the API server refuses with 409 if the workload moved on.
                      resourceVersion: request.resourceVersion,
                    },
                    spec: { replicas: request.replicas },
                  },
                )
                .catch(error => {
                  throw explainStaleVersion(error, described);
                });
              const after = scale.spec?.replicas ?? request.replicas;
              return {
                result: {
                  cluster: cluster.name,
                  region: cluster.region,
                  workload: workloadRefOf(workload),
                  before,
                  after,
                },
                after: { replicas: after },
              };
            },
          );
        },
      );
    },

    async setAutoscalerBounds(entityRef, request, caller) {
      return pipeline.run(
        caller,
        {
          entityRef,
          action: 'autoscaler.bounds',
          required: replicaPermissions(request.minReplicas),
          asked: request,
          cluster: request.cluster,
        },
        async write => {
          const { facts } = write;
          const cluster = placement.clusterOf(facts, request.cluster);
          if (request.minReplicas > request.maxReplicas) {
            throw new InputError(
              `minReplicas (${request.minReplicas}) must not exceed maxReplicas (${request.maxReplicas})`,
            );
          }
          requireWithinLimit(
            'maxReplicas',
            request.maxReplicas,
            replicaLimitFor(guardRails, facts.tier),
          );
          const { client, workload, described } = await loadWorkload(
            cluster,
            facts,
            request.workload,
          );
          if (!workload.autoscaler) {
            throw new NotFoundError(
              `No HorizontalPodAutoscaler targets ${described}; apply a scaling policy to give it one`,
            );
          }
          const path = resourcePath(AUTOSCALERS, {
            namespace: workload.namespace,
            name: workload.autoscaler.name,
          });
          const live = await client.get<AutoscalerObject>(path);
          const before = {
            min: live.spec.minReplicas ?? 1,
            max: live.spec.maxReplicas,
          };
          return write.inCluster(
            {
              cluster: cluster.name,
              workload: workloadRefOf(workload),
              before,
            },
            async () => {
              const patched = await client
                .patch<AutoscalerObject>(
                  path,
                  {
                    metadata: {
                      resourceVersion: live.metadata.resourceVersion,
                    },
                    spec: {
                      minReplicas: request.minReplicas,
                      maxReplicas: request.maxReplicas,
                    },
                  },
                  { patchType: 'application/merge-patch+json' },
                )
                .catch(error => {
                  throw explainStaleVersion(
                    error,
                    `HorizontalPodAutoscaler ${
                      workload.autoscaler!.name
                    } in cluster ${cluster.name}`,
                  );
                });
              const after = {
                min: patched.spec.minReplicas ?? 1,
                max: patched.spec.maxReplicas,
              };
              return {
                result: {
                  cluster: cluster.name,
                  region: cluster.region,
                  hpa: workload.autoscaler!.name,
                  before,
                  after,
                },
                after,
              };
            },
          );
        },
      );
    },
  };
}
