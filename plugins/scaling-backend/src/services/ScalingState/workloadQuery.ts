import {
  ANNOTATION_KUBERNETES_ID,
  ScalingEntityFacts,
} from '@meschain/backstage-plugin-scaling-common';

/** How an entity's workloads are looked up in each cluster. */
export type WorkloadQuery = {
  labelSelector: string;
  /** All namespaces when absent. */
  namespace?: string;
};

/**
 * The lookup the upstream Kubernetes backend makes for the same entity: the
 * `backstage.io/kubernetes-label-selector` annotation when set, otherwise
 * `backstage.io/kubernetes-id=<id>`, where the id defaults to the entity's
 * name. So a service that shows up in the Kubernetes tab shows up here too.
 */
export function workloadQueryFor(facts: ScalingEntityFacts): WorkloadQuery {
  const { labelSelector, kubernetesId, namespace } = facts.workload;
  return {
    labelSelector:
      labelSelector?.trim() ||
      `${ANNOTATION_KUBERNETES_ID}=${kubernetesId?.trim() || facts.name}`,
    namespace: namespace?.trim() || undefined,
  };
}
