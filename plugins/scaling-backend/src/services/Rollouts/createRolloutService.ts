import { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import {
  EntityCluster,
  RolloutActionSnapshot,
  scalingRolloutManagePermission,
} from '@meschain/backstage-plugin-scaling-common';
import { KubernetesClient, resourcePath } from '../Clusters';
import { EntityScalingFactsService } from '../EntityScalingFacts';
import {
  readEntityClusters,
  withDeadline,
  workloadQueryFor,
  WorkloadQuery,
} from '../ScalingState';
import { EntityPlacement, ScalingWritePipeline } from '../ScalingWrites';
import { describeArgoRollout } from './describeArgoRollout';
import { describeDeployment } from './describeDeployment';
import { LoadedWorkload, planRolloutAction } from './planRolloutAction';
import { readClusterRollouts } from './readClusterRollouts';
import { imagesOf } from './revisions';
import {
  DeploymentObject,
  DEPLOYMENTS,
  RolloutObject,
  ROLLOUTS,
} from './rolloutObjects';
import { RolloutService } from './types';

function snapshotOf(loaded: LoadedWorkload): RolloutActionSnapshot {
  const { state } = loaded;
  return {
    phase: state.phase,
    paused: state.paused,
    aborted: state.aborted,
    currentStepIndex: state.canary?.currentStepIndex,
    images: imagesOf(loaded.object.spec.template),
  };
}

/** The workload as a patch answered it; the patch itself leaves its ReplicaSets alone. */
function withObject(loaded: LoadedWorkload, object: unknown): LoadedWorkload {
  return loaded.kind === 'Rollout'
    ? {
        ...loaded,
        object: object as RolloutObject,
        state: describeArgoRollout(object as RolloutObject, loaded.replicaSets),
      }
    : {
        ...loaded,
        object: object as DeploymentObject,
        state: describeDeployment(
          object as DeploymentObject,
          loaded.replicaSets,
        ),
      };
}

export function createRolloutService(options: {
  entityFacts: EntityScalingFactsService;
  placement: EntityPlacement;
  pipeline: ScalingWritePipeline;
  logger: LoggerService;
  /** How long one cluster may take to answer, everything included. */
  clusterTimeoutMs: number;
  now?: () => Date;
}): RolloutService {
  const { entityFacts, placement, pipeline, logger, clusterTimeoutMs } =
    options;
  const now = options.now ?? (() => new Date());

  function read(client: KubernetesClient, query: WorkloadQuery) {
    return withDeadline(
      clusterTimeoutMs,
      () =>
        new ServiceUnavailableError(
          `Cluster ${client.clusterName} did not answer within ${clusterTimeoutMs} ms`,
        ),
      signal => readClusterRollouts(client, query, signal),
    );
  }

  async function observe(
    cluster: EntityCluster,
    query: WorkloadQuery,
    signal: AbortSignal,
  ) {
    const client = await placement.clientFor(cluster);
    const workloads = await readClusterRollouts(client, query, signal);
    return {
      observedAt: new Date().toISOString(),
      workloads: workloads.map(w => w.state),
    };
  }

  return {
    async getRolloutState(entityRef, { credentials }) {
      const facts = await entityFacts.getFacts(entityRef, { credentials });
      const query = workloadQueryFor(facts);
      return {
        entityRef: facts.entityRef,
        clusters: await readEntityClusters({
          facts,
          what: 'rollouts',
          clusterTimeoutMs,
          logger,
          read: (cluster, signal) => observe(cluster, query, signal),
        }),
      };
    },

    async act(entityRef, request, caller) {
      return pipeline.run(
        caller,
        {
          entityRef,
          action: `rollout.${request.action}`,
          required: [scalingRolloutManagePermission],
          asked: request,
          cluster: request.cluster,
        },
        async write => {
          const { facts } = write;
          const cluster = placement.clusterOf(facts, request.cluster);
          const client = await placement.clientFor(cluster);
          const ref = request.workload;
          const described = `${ref.kind} ${ref.namespace}/${ref.name} in cluster ${cluster.name}`;
          const loaded = (await read(client, workloadQueryFor(facts))).find(
            w =>
              w.kind === ref.kind &&
              w.state.namespace === ref.namespace &&
              w.state.name === ref.name,
          );
          if (!loaded) {
            throw new NotFoundError(
              `workload: ${facts.entityRef} has no ${described}`,
            );
          }
          const patches = planRolloutAction(loaded, request, described, now());
          const path = (subresource?: string) =>
            resourcePath(loaded.kind === 'Rollout' ? ROLLOUTS : DEPLOYMENTS, {
              namespace: ref.namespace,
              name: ref.name,
              subresource,
            });
          const before = snapshotOf(loaded);
          return write.inCluster(
            { cluster: cluster.name, workload: ref, before },
            async () => {
              let latest = loaded;
              for (const patch of patches) {
                const object = await client.patch(
                  path(patch.subresource),
                  patch.body,
                  { patchType: patch.patchType },
                );
                latest = withObject(latest, object);
              }
              const after = snapshotOf(latest);
              return {
                result: {
                  cluster: cluster.name,
                  region: cluster.region,
                  workload: ref,
                  action: request.action,
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
