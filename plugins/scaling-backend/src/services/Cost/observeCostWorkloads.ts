import { ServiceUnavailableError } from '@backstage/errors';
import { DEFAULT_CPU_TARGET_UTILIZATION } from '@meschain/backstage-plugin-scaling-common';
import { ClusterDirectory, KubernetesClients } from '../Clusters';
import {
  HorizontalPodAutoscalerObject,
  ListedWorkload,
  listScalableWorkloads,
  podRequests,
  prometheusLabelName,
  targetsWorkload,
  withDeadline,
} from '../ScalingState';
import { CostEntityMapping } from './costEntityMapping';
import { ObservedWorkload } from './store';

const GIB = 2 ** 30;

/** Reads what the cost source cannot tell: replicas, requests of one replica, and HPA bounds. */
export type CostWorkloadObserver = (
  cluster: { name: string; region: string },
  mapping: CostEntityMapping,
) => Promise<ObservedWorkload[]>;

/**
 * The HPA's CPU utilisation target. An HPA without metrics aims at 80% CPU;
 * one that scales on other metrics is taken at 80% too, as an estimate.
 */
function cpuTargetOf(autoscaler: HorizontalPodAutoscalerObject): number {
  const cpu = autoscaler.spec.metrics?.find(
    metric =>
      metric.type === 'Resource' &&
      metric.resource?.name === 'cpu' &&
      metric.resource.target?.type === 'Utilization',
  );
  return (
    cpu?.resource?.target?.averageUtilization ?? DEFAULT_CPU_TARGET_UTILIZATION
  );
}

function observe(
  { type, object }: ListedWorkload,
  autoscalers: HorizontalPodAutoscalerObject[],
  cluster: { name: string; region: string },
  mapping: CostEntityMapping,
): ObservedWorkload | undefined {
  const namespace = object.metadata.namespace ?? 'default';
  // The cost source spells pod labels as Prometheus does; so must the lookup.
  const labels = Object.fromEntries(
    Object.entries(object.spec?.template?.metadata?.labels ?? {}).map(
      ([key, value]) => [prometheusLabelName(key), value],
    ),
  );
  const owner = mapping({ namespace, labels });
  if (!owner) return undefined;
  const autoscaler = autoscalers.find(hpa =>
    targetsWorkload(hpa, {
      apiVersion: type.apiVersion,
      kind: type.kind,
      name: object.metadata.name,
      namespace,
    }),
  );
  const requests = podRequests(object.spec?.template?.spec);
  return {
    cluster: cluster.name,
    region: cluster.region,
    namespace,
    kind: type.kind,
    name: object.metadata.name,
    ...owner,
    replicas: object.spec?.replicas ?? 1,
    cpuRequestCoresPerReplica: requests.cpuMillicores / 1000,
    memoryRequestGiBPerReplica: requests.memoryBytes / GIB,
    autoscaler: autoscaler && {
      minReplicas: autoscaler.spec.minReplicas ?? 1,
      cpuTargetUtilization: cpuTargetOf(autoscaler),
    },
  };
}

/** Lists each cluster's workloads and HPAs over the Kubernetes API, with the backend's credentials. */
export function createCostWorkloadObserver(options: {
  clusters: ClusterDirectory;
  kubernetes: KubernetesClients;
  timeoutMs: number;
}): CostWorkloadObserver {
  const { clusters, kubernetes, timeoutMs } = options;
  return async (cluster, mapping) => {
    const client = kubernetes.forCluster(
      await clusters.getCluster(cluster.name),
    );
    // A cluster that does not answer in time is named, as the other views name it.
    const { autoscalers, workloads } = await withDeadline(
      timeoutMs,
      () =>
        new ServiceUnavailableError(
          `Cluster ${cluster.name} did not answer within ${timeoutMs} ms`,
        ),
      signal =>
        listScalableWorkloads(
          async <T>(path: string) =>
            (
              await client.list<T>(path, { signal })
            ).items,
        ),
    );
    return workloads.flatMap(
      workload => observe(workload, autoscalers, cluster, mapping) ?? [],
    );
  };
}
