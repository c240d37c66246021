import { ConflictError, NotFoundError, toError } from '@backstage/errors';
import {
  HorizontalPodAutoscaler,
  PolicyApplyOutcome,
  PolicyApplyRegionResult,
  PolicyDeleteRegionResult,
  RegionWriteError,
  renderHorizontalPodAutoscaler,
  ScalingEntityFacts,
  ScalingPolicy,
  scalingPolicyUpdatePermission,
  scalingReplicasZeroPermission,
  validateScalingPolicy,
  WorkloadScalingState,
} from '@meschain/backstage-plugin-scaling-common';
import { JsonValue } from '@backstage/types';
import { KubernetesClient, resourcePath } from '../Clusters';
import { replicaLimitFor, ScalingGuardRailSettings } from '../ScalingSettings';
import {
  EntityPlacement,
  RegionTarget,
  workloadRefOf,
} from './entityPlacement';
import { explainStaleVersion, PolicyInputError } from './errors';
import { policyChanges } from './policyChanges';
import { AuthorizedWrite, ScalingWritePipeline } from './scalingWritePipeline';
import { ScalingWriteService } from './types';

const AUTOSCALERS = {
  apiVersion: 'autoscaling/v2',
  plural: 'horizontalpodautoscalers',
};

type LiveAutoscaler = HorizontalPodAutoscaler & {
  metadata: { resourceVersion?: string };
};

function errorSummary(error: unknown): RegionWriteError {
  const { name, message } = toError(error);
  return { name, message };
}

function hasMinReplicasZero(policy: unknown): boolean {
  return (policy as { minReplicas?: unknown } | null)?.minReplicas === 0;
}

/** The HPA a policy renders to is named after its workload, so each workload has at most one. */
function autoscalerPath(workload: WorkloadScalingState) {
  return resourcePath(AUTOSCALERS, {
    namespace: workload.namespace,
    name: workload.name,
  });
}

async function readLiveAutoscaler(
  client: KubernetesClient,
  workload: WorkloadScalingState,
): Promise<LiveAutoscaler | undefined> {
  try {
    return await client.get<LiveAutoscaler>(autoscalerPath(workload));
  } catch (error) {
    if (NotFoundError.is(error)) {
      return undefined;
    }
    throw error;
  }
}

function applyOutcome(
  live: LiveAutoscaler | undefined,
  diff: unknown[],
): PolicyApplyOutcome {
  if (!live) {
    return 'created';
  }
  return diff.length > 0 ? 'updated' : 'unchanged';
}

/** An HPA with another name already targets the workload: a second one would fight it. */
function requireNoOtherAutoscaler(
  workload: WorkloadScalingState,
  clusterName: string,
) {
  if (workload.autoscaler && workload.autoscaler.name !== workload.name) {
    throw new ConflictError(
      `HorizontalPodAutoscaler ${workload.autoscaler.name} already scales ${workload.kind} ${workload.namespace}/${workload.name} in cluster ${clusterName}; delete it before applying a policy`,
    );
  }
}

/**
 * A policy as apply accepts it for the entity: the policy model's rules and
 * the entity tier's replica limit. The what-if replay validates candidates
 * with it too, so a policy that replays is one that applies.
 */
export function validatePolicyFor(
  guardRails: ScalingGuardRailSettings,
  facts: ScalingEntityFacts,
  policy: unknown,
): ScalingPolicy {
  const result = validateScalingPolicy(policy, {
    ...replicaLimitFor(guardRails, facts.tier),
    // Only a caller holding the zero permission gets this far with a minimum of 0.
    allowZero: true,
  });
  if (!result.valid) {
    throw new PolicyInputError(result.problems);
  }
  return result.policy;
}

/** Policy apply and delete: one HPA per region, the regions written concurrently. */
export function createPolicyWrites(options: {
  pipeline: ScalingWritePipeline;
  placement: EntityPlacement;
  guardRails: ScalingGuardRailSettings;
}): Pick<ScalingWriteService, 'applyPolicy' | 'deletePolicy'> {
  const { pipeline, placement, guardRails } = options;

  /** Runs `write` in every target region; a region's failure becomes its result. */
  function inEachRegion<T extends { region: string }>(
    targets: RegionTarget[],
    write: (target: Required<RegionTarget>) => Promise<T>,
    failed: (target: RegionTarget, error: RegionWriteError) => T,
  ): Promise<T[]> {
    return Promise.all(
      targets.map(async target => {
        try {
          if (!target.cluster) {
            throw new NotFoundError(
              `No Kubernetes cluster in the catalog serves region ${target.region}`,
            );
          }
          return await write({
            region: target.region,
            cluster: target.cluster,
          });
        } catch (error) {
          return failed(target, errorSummary(error));
        }
      }),
    );
  }

  async function applyInRegion(
    write: AuthorizedWrite,
    target: Required<RegionTarget>,
    policy: ScalingPolicy,
    dryRun: boolean,
  ): Promise<PolicyApplyRegionResult> {
    const { facts } = write;
    const { cluster, region } = target;
    const client = await placement.clientFor(cluster);
    const workload = await placement.soleWorkloadIn(client, facts);
    requireNoOtherAutoscaler(workload, cluster.name);
    const live = await readLiveAutoscaler(client, workload);
    const rendered = renderHorizontalPodAutoscaler({
      policy,
      workload: { ...workloadRefOf(workload), apiVersion: workload.apiVersion },
      labels: live?.metadata.labels,
    });
    const placed = { region, cluster: cluster.name };

    const send = (serverDryRun: boolean) =>
      (live
        ? client.put<HorizontalPodAutoscaler>(
            autoscalerPath(workload),
            {
              ...rendered,
              metadata: {
                ...rendered.metadata,
                resourceVersion: live.metadata.resourceVersion,
              },
            },
            { dryRun: serverDryRun },
          )
        : client.post<HorizontalPodAutoscaler>(
            resourcePath(AUTOSCALERS, { namespace: workload.namespace }),
            rendered,
            { dryRun: serverDryRun },
          )
      ).catch(error => {
        throw explainStaleVersion(
          error,
          `HorizontalPodAutoscaler ${rendered.metadata.name} in cluster ${cluster.name}`,
        );
      });

    if (dryRun) {
      const wouldBe = await send(true);
      const diff = policyChanges(live, wouldBe);
      return {
        ...placed,
        outcome: applyOutcome(live, diff),
        hpa: wouldBe,
        diff,
      };
    }
    const diff = policyChanges(live, rendered);
    if (live && diff.length === 0) {
      return { ...placed, outcome: 'unchanged', hpa: live, diff };
    }
    return write.inCluster(
      {
        cluster: cluster.name,
        workload: workloadRefOf(workload),
        before: live?.spec,
      },
      async () => {
        const stored = await send(false);
        return {
          result: {
            ...placed,
            outcome: live ? 'updated' : 'created',
            hpa: stored,
            diff,
          },
          after: stored.spec,
        };
      },
    );
  }

  async function deleteInRegion(
    write: AuthorizedWrite,
    target: Required<RegionTarget>,
  ): Promise<PolicyDeleteRegionResult> {
    const { cluster, region } = target;
    const placed = { region, cluster: cluster.name };
    const client = await placement.clientFor(cluster);
    const workload = await placement.soleWorkloadIn(client, write.facts);
    const live = await readLiveAutoscaler(client, workload);
    if (!live) {
      return { ...placed, outcome: 'absent' };
    }
    return write.inCluster(
      {
        cluster: cluster.name,
        workload: workloadRefOf(workload),
        before: live.spec,
      },
      async () => {
        await client
          .delete(autoscalerPath(workload), {
            body: {
              kind: 'DeleteOptions',
              apiVersion: 'v1',
              preconditions: { resourceVersion: live.metadata.resourceVersion },
            },
          })
          .catch(error => {
            throw explainStaleVersion(
              error,
              `HorizontalPodAutoscaler ${live.metadata.name} in cluster ${cluster.name}`,
            );
          });
        return { result: { ...placed, outcome: 'deleted' as const } };
      },
    );
  }

  return {
    async applyPolicy(entityRef, request, caller) {
      const dryRun = request.dryRun ?? false;
      return pipeline.run(
        caller,
        {
          entityRef,
          action: 'policy.apply',
          required: hasMinReplicasZero(request.policy)
            ? [scalingPolicyUpdatePermission, scalingReplicasZeroPermission]
            : [scalingPolicyUpdatePermission],
          asked: {
            regions: request.regions,
            policy: request.policy as JsonValue,
            dryRun,
          },
          dryRun,
        },
        async write => {
          const policy = validatePolicyFor(
            guardRails,
            write.facts,
            request.policy,
          );
          const targets = placement.regionsOf(write.facts, request.regions);
          const results = await inEachRegion(
            targets,
            target => applyInRegion(write, target, policy, dryRun),
            (target, error): PolicyApplyRegionResult => ({
              region: target.region,
              cluster: target.cluster?.name,
              outcome: 'failed',
              error,
            }),
          );
          return { dryRun, results };
        },
      );
    },

    async deletePolicy(entityRef, regions, caller) {
      return pipeline.run(
        caller,
        {
          entityRef,
          action: 'policy.delete',
          required: [scalingPolicyUpdatePermission],
          asked: { regions },
        },
        async write => {
          const targets = placement.regionsOf(write.facts, regions);
          const results = await inEachRegion(
            targets,
            target => deleteInRegion(write, target),
            (target, error): PolicyDeleteRegionResult => ({
              region: target.region,
              cluster: target.cluster?.name,
              outcome: 'failed',
              error,
            }),
          );
          return { results };
        },
      );
    },
  };
}
