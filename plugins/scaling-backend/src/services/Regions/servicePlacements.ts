import { RegionServicePlacement } from '@meschain/backstage-plugin-scaling-common';
import {
  matchesLabelSelector,
  podRequests,
  workloadReplicas,
} from '../ScalingState';
import { holdsResources } from './clusterCapacity';
import { addAmounts, fromPodAmounts } from './resourceAmounts';
import { ClusterInventory } from './types';

/** The label the upstream Kubernetes plugin finds a service's workloads by. */
export const KUBERNETES_ID_LABEL = 'backstage.io/kubernetes-id';

/** What the catalog says about the service a workload belongs to. */
export type ServiceOwnership = {
  entityRef: string;
  title?: string;
  owner?: string;
  system?: string;
};

/**
 * The workloads of a cluster that carry a `backstage.io/kubernetes-id`, each
 * with the requests of its pods that hold resources on a node.
 */
export function servicePlacements(options: {
  region: string;
  cluster: string;
  inventory: ClusterInventory;
  ownershipOf(kubernetesId: string): ServiceOwnership | undefined;
}): RegionServicePlacement[] {
  const { region, cluster, inventory, ownershipOf } = options;
  return inventory.workloads.flatMap(({ type, object }) => {
    const kubernetesId = object.metadata.labels?.[KUBERNETES_ID_LABEL];
    if (!kubernetesId) {
      return [];
    }
    const namespace = object.metadata.namespace ?? 'default';
    const pods = inventory.pods.filter(
      pod =>
        pod.metadata.namespace === namespace &&
        holdsResources(pod) &&
        matchesLabelSelector(object.spec?.selector, pod.metadata.labels),
    );
    const replicas = workloadReplicas(object);
    const placement: RegionServicePlacement = {
      kubernetesId,
      ...ownershipOf(kubernetesId),
      region,
      cluster,
      namespace,
      workload: { kind: type.kind, name: object.metadata.name },
      replicas: { desired: replicas.desired, ready: replicas.ready },
      images: (object.spec?.template?.spec?.containers ?? []).flatMap(
        container => (container.image ? [container.image] : []),
      ),
      requested: addAmounts(
        ...pods.map(pod => fromPodAmounts(podRequests(pod.spec))),
      ),
    };
    return [placement];
  });
}
