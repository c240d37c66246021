import {
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  ALL_REGIONS,
  EntityCluster,
  ScalingEntityFacts,
  ScalingWorkloadRef,
  WorkloadScalingState,
} from '@meschain/backstage-plugin-scaling-common';
import {
  ClusterDirectory,
  KubernetesClient,
  KubernetesClients,
} from '../Clusters';
import { isRegionAllowed, ScalingGuardRailSettings } from '../ScalingSettings';
import {
  readClusterWorkloads,
  withDeadline,
  workloadQueryFor,
} from '../ScalingState';

/** A region a write targets, and the cluster that serves it unless none does. */
export type RegionTarget = { region: string; cluster?: EntityCluster };

function describeList(values: string[]): string {
  return values.length > 0 ? values.join(', ') : 'none';
}

/** Where an entity's writes go, within the guard-rails; every refusal names the request field. */
export interface EntityPlacement {
  /** @throws InputError naming `cluster` when it does not serve the entity or its region is not allowed */
  clusterOf(facts: ScalingEntityFacts, clusterName: string): EntityCluster;
  /**
   * The regions a request names, or all of the entity's allowed regions for `*`.
   *
   * @throws InputError naming `regions` for a region the entity does not run in, or one not allowed
   */
  regionsOf(facts: ScalingEntityFacts, regions: string[]): RegionTarget[];
  clientFor(cluster: EntityCluster): Promise<KubernetesClient>;
  /** @throws InputError naming `workload` when the entity has no such workload in the cluster */
  workloadIn(
    client: KubernetesClient,
    facts: ScalingEntityFacts,
    ref: ScalingWorkloadRef,
  ): Promise<WorkloadScalingState>;
  /** A policy targets the entity's one workload in each cluster. */
  soleWorkloadIn(
    client: KubernetesClient,
    facts: ScalingEntityFacts,
  ): Promise<WorkloadScalingState>;
}

export function createEntityPlacement(options: {
  clusters: ClusterDirectory;
  kubernetes: KubernetesClients;
  guardRails: ScalingGuardRailSettings;
  /** Bounds each read a write makes before it writes. */
  clusterTimeoutMs: number;
}): EntityPlacement {
  const { clusters, kubernetes, guardRails, clusterTimeoutMs } = options;

  function requireAllowed(region: string, field: string) {
    if (!isRegionAllowed(guardRails, region)) {
      throw new InputError(
        `${field}: region ${region} is not open to changes under the platform guard-rails (allowed: ${describeList(
          guardRails.allowedRegions,
        )})`,
      );
    }
  }

  /** The entity's workloads in a cluster, read now rather than from the cache. */
  function workloadsIn(
    client: KubernetesClient,
    facts: ScalingEntityFacts,
  ): Promise<WorkloadScalingState[]> {
    // The deadline's error names the cluster; a bare timeout signal's reason would not.
    return withDeadline(
      clusterTimeoutMs,
      () =>
        new ServiceUnavailableError(
          `Cluster ${client.clusterName} did not answer within ${clusterTimeoutMs} ms`,
        ),
      signal => readClusterWorkloads(client, workloadQueryFor(facts), signal),
    );
  }

  return {
    clusterOf(facts: ScalingEntityFacts, clusterName: string): EntityCluster {
      const cluster = facts.clusters.find(
        candidate => candidate.name === clusterName,
      );
      if (!cluster) {
        throw new InputError(
          `cluster: ${clusterName} is not a cluster of ${
            facts.entityRef
          } (its clusters: ${describeList(facts.clusters.map(c => c.name))})`,
        );
      }
      requireAllowed(cluster.region, 'cluster');
      return cluster;
    },

    regionsOf(facts: ScalingEntityFacts, regions: string[]): RegionTarget[] {
      const wanted = regions.includes(ALL_REGIONS)
        ? facts.regions.filter(region => isRegionAllowed(guardRails, region))
        : [...new Set(regions)];
      for (const region of wanted) {
        if (!facts.regions.includes(region)) {
          throw new InputError(
            `regions: ${region} is not a region of ${
              facts.entityRef
            } (its regions: ${describeList(facts.regions)})`,
          );
        }
        requireAllowed(region, 'regions');
      }
      return wanted.map(region => ({
        region,
        cluster: facts.clusters.find(cluster => cluster.region === region),
      }));
    },

    async clientFor(cluster: EntityCluster): Promise<KubernetesClient> {
      return kubernetes.forCluster(await clusters.getCluster(cluster.name));
    },

    async workloadIn(
      client: KubernetesClient,
      facts: ScalingEntityFacts,
      ref: ScalingWorkloadRef,
    ): Promise<WorkloadScalingState> {
      const found = (await workloadsIn(client, facts)).find(
        workload =>
          workload.kind === ref.kind &&
          workload.namespace === ref.namespace &&
          workload.name === ref.name,
      );
      if (!found) {
        throw new InputError(
          `workload: ${facts.entityRef} has no ${ref.kind} ${ref.namespace}/${ref.name} in cluster ${client.clusterName}`,
        );
      }
      return found;
    },

    async soleWorkloadIn(
      client: KubernetesClient,
      facts: ScalingEntityFacts,
    ): Promise<WorkloadScalingState> {
      const workloads = await workloadsIn(client, facts);
      if (workloads.length !== 1) {
        throw new NotFoundError(
          `Expected one Deployment or Rollout of ${
            facts.entityRef
          } in cluster ${client.clusterName}, found ${workloads.length}${
            workloads.length > 1
              ? ` (${workloads.map(w => `${w.kind} ${w.name}`).join(', ')})`
              : ''
          }`,
        );
      }
      return workloads[0];
    },
  };
}

export function workloadRefOf(
  workload: WorkloadScalingState,
): ScalingWorkloadRef {
  return {
    kind: workload.kind,
    namespace: workload.namespace,
    name: workload.name,
  };
}
