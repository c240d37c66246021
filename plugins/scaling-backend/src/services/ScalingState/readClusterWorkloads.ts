import { NotFoundError } from '@backstage/errors';
import { WorkloadScalingState } from '@meschain/backstage-plugin-scaling-common';
import { KubernetesClient, resourcePath } from '../Clusters';
import { autoscalerState, targetsWorkload } from './autoscalerState';
import {
  HorizontalPodAutoscalerObject,
  PodMetricsObject,
  ScalableWorkloadObject,
} from './kubernetesObjects';
import { matchesLabelSelector } from './labelSelectors';
import { podResources } from './podResources';
import { WorkloadQuery } from './workloadQuery';
import { SCALABLE_WORKLOAD_TYPES, workloadReplicas } from './workloadReplicas';

const AUTOSCALERS = {
  apiVersion: 'autoscaling/v2',
  plural: 'horizontalpodautoscalers',
};
const POD_METRICS = { apiVersion: 'metrics.k8s.io/v1beta1', plural: 'pods' };

type FoundWorkload = {
  type: (typeof SCALABLE_WORKLOAD_TYPES)[number];
  object: ScalableWorkloadObject;
};

type Reader = {
  client: KubernetesClient;
  query: WorkloadQuery;
  signal: AbortSignal;
};

async function listWorkloads({
  client,
  query,
  signal,
}: Reader): Promise<FoundWorkload[]> {
  const lists = await Promise.all(
    SCALABLE_WORKLOAD_TYPES.map(async type => {
      try {
        const { items } = await client.list<ScalableWorkloadObject>(
          resourcePath(type, { namespace: query.namespace }),
          { labelSelector: query.labelSelector, signal },
        );
        return items.map(object => ({ type, object }));
      } catch (error) {
        // A list answers 404 only when the API is not served, e.g. a cluster without Argo Rollouts.
        if (NotFoundError.is(error)) {
          return [];
        }
        throw error;
      }
    }),
  );
  return lists.flat();
}

/**
 * HPAs are listed without the label selector: an HPA belongs to a workload
 * through its `scaleTargetRef`, whatever its labels.
 */
async function listAutoscalers(
  { client, signal }: Reader,
  namespaces: string[],
): Promise<HorizontalPodAutoscalerObject[]> {
  const lists = await Promise.all(
    namespaces.map(namespace =>
      client.list<HorizontalPodAutoscalerObject>(
        resourcePath(AUTOSCALERS, { namespace }),
        { signal },
      ),
    ),
  );
  return lists.flatMap(list => list.items);
}

/** Undefined when the resource metrics API does not answer: usage is optional, the rest is not. */
async function listPodUsage({
  client,
  query,
  signal,
}: Reader): Promise<PodMetricsObject[] | undefined> {
  try {
    const { items } = await client.list<PodMetricsObject>(
      resourcePath(POD_METRICS, { namespace: query.namespace }),
      { labelSelector: query.labelSelector, signal },
    );
    return items;
  } catch (error) {
    if (signal.aborted) {
      throw error;
    }
    return undefined;
  }
}

function byKindNamespaceAndName(
  a: WorkloadScalingState,
  b: WorkloadScalingState,
): number {
  const kindOrder = (kind: string) =>
    SCALABLE_WORKLOAD_TYPES.findIndex(type => type.kind === kind);
  return (
    kindOrder(a.kind) - kindOrder(b.kind) ||
    a.namespace.localeCompare(b.namespace) ||
    a.name.localeCompare(b.name)
  );
}

/**
 * An entity's Deployments and Rollouts in one cluster, each with its HPA and
 * its pods' requests and usage. The requests run concurrently: four in one
 * round when the namespace is known; otherwise the HPAs of the namespaces
 * the workloads were found in follow in a second round.
 */
export async function readClusterWorkloads(
  client: KubernetesClient,
  query: WorkloadQuery,
  signal: AbortSignal,
): Promise<WorkloadScalingState[]> {
  const reader: Reader = { client, query, signal };
  const workloads = listWorkloads(reader);
  const autoscalers = query.namespace
    ? listAutoscalers(reader, [query.namespace])
    : workloads.then(found =>
        listAutoscalers(reader, [
          ...new Set(
            found.map(({ object }) => object.metadata.namespace ?? ''),
          ),
        ]),
      );
  const [foundWorkloads, foundAutoscalers, podUsage] = await Promise.all([
    workloads,
    autoscalers,
    listPodUsage(reader),
  ]);

  return foundWorkloads
    .map(({ type, object }): WorkloadScalingState => {
      const identity = {
        kind: type.kind,
        apiVersion: object.apiVersion ?? type.apiVersion,
        name: object.metadata.name,
        namespace: object.metadata.namespace ?? '',
      };
      const autoscaler = foundAutoscalers.find(candidate =>
        targetsWorkload(candidate, identity),
      );
      // metrics-server copies each pod's labels onto its PodMetrics.
      const ownPodUsage = podUsage?.filter(
        metrics =>
          metrics.metadata.namespace === identity.namespace &&
          matchesLabelSelector(object.spec?.selector, metrics.metadata.labels),
      );
      return {
        ...identity,
        resourceVersion: object.metadata.resourceVersion ?? '',
        replicas: workloadReplicas(object),
        autoscaler: autoscaler && autoscalerState(autoscaler),
        pods: podResources(object, ownPodUsage),
      };
    })
    .sort(byKindNamespaceAndName);
}
