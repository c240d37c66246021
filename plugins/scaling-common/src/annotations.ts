/**
 * Annotation names the scaling suite reads from catalog entities.
 *
 * Workload lookup reuses the upstream Kubernetes plugin's annotations, so a
 * service that already shows up in the Kubernetes tab needs nothing new.
 */
export {
  KUBERNETES_ANNOTATION as ANNOTATION_KUBERNETES_ID,
  KUBERNETES_LABEL_SELECTOR_QUERY_ANNOTATION as ANNOTATION_KUBERNETES_LABEL_SELECTOR,
} from '@backstage/plugin-kubernetes-common';

/** @public Namespace of the service's workloads (upstream annotation). */
export const ANNOTATION_KUBERNETES_NAMESPACE =
  'backstage.io/kubernetes-namespace';
/** @public Restricts the service to one named cluster (upstream annotation). */
export const ANNOTATION_KUBERNETES_CLUSTER = 'backstage.io/kubernetes-cluster';

/** @public Comma-separated region ids the service runs in, e.g. `us-east,eu-west`. */
export const ANNOTATION_REGIONS = 'meschain.io/regions';
/** @public The scaling preset the service follows: `cpu`, `memory`, `requests` or `custom`. */
export const ANNOTATION_SCALING_POLICY = 'meschain.io/scaling-policy';
/** @public How the service is rolled out: `rolling`, `blue-green`, `canary` or `ab`. */
export const ANNOTATION_DEPLOYMENT_STRATEGY = 'meschain.io/deployment-strategy';
/** @public Comma-separated user refs of the service's on-call engineers. */
export const ANNOTATION_ON_CALL = 'meschain.io/on-call';

/** @public On a `kubernetes-cluster` Resource: the region id the cluster serves. */
export const ANNOTATION_CLUSTER_REGION = 'meschain.io/region';
/** @public On a `kubernetes-cluster` Resource: `primary` or `dr`. */
export const ANNOTATION_CLUSTER_REGION_ROLE = 'meschain.io/region-role';
/** @public On a `kubernetes-cluster` Resource: where the region's data centres are. */
export const ANNOTATION_CLUSTER_LOCATION = 'meschain.io/location';
/** @public On a primary `kubernetes-cluster` Resource: the region that takes over in a disaster. */
export const ANNOTATION_CLUSTER_DR_REGION = 'meschain.io/dr-region';

/** @public Catalog label that ranks a service's criticality. */
export const LABEL_TIER = 'tier';

/** @public Resource `spec.type` of a Kubernetes cluster entity, as the upstream catalog cluster locator uses it. */
export const CLUSTER_RESOURCE_TYPE = 'kubernetes-cluster';
