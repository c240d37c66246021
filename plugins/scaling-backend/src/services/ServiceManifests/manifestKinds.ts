import { InputError } from '@backstage/errors';
import { ANNOTATION_KUBERNETES_ID } from '@meschain/backstage-plugin-scaling-common';
import { KubernetesResourceType } from '../Clusters';

/** A manifest as the template renders it: a namespaced object of one of {@link SERVICE_KINDS}. */
export type ServiceManifest = {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace: string;
    labels: Record<string, string>;
    [field: string]: unknown;
  };
  [field: string]: unknown;
};

/**
 * The kinds a new service is made of. Anything else (a ClusterRole, a
 * Secret) is refused: the portal's cluster credentials may write much more
 * than a service needs.
 */
const SERVICE_KINDS: Record<string, KubernetesResourceType> = {
  Deployment: { apiVersion: 'apps/v1', plural: 'deployments' },
  Rollout: { apiVersion: 'argoproj.io/v1alpha1', plural: 'rollouts' },
  Service: { apiVersion: 'v1', plural: 'services' },
  PodDisruptionBudget: {
    apiVersion: 'policy/v1',
    plural: 'poddisruptionbudgets',
  },
  HorizontalPodAutoscaler: {
    apiVersion: 'autoscaling/v2',
    plural: 'horizontalpodautoscalers',
  },
  // The routes of an A/B Rollout's header-based strategy.
  VirtualService: {
    apiVersion: 'networking.istio.io/v1alpha3',
    plural: 'virtualservices',
  },
};

export function resourceTypeOf(
  manifest: ServiceManifest,
): KubernetesResourceType {
  return SERVICE_KINDS[manifest.kind];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks that a manifest is one of the service's own objects, labelled with
 * its `backstage.io/kubernetes-id`, so the Scaling tab finds it.
 *
 * @throws InputError naming the manifest's position and field
 */
export function checkServiceManifest(
  manifest: unknown,
  where: { index: number; serviceName: string },
): ServiceManifest {
  const at = `manifests[${where.index}]`;
  if (!isObject(manifest) || !isObject(manifest.metadata)) {
    throw new InputError(`${at}: must be a Kubernetes object with metadata`);
  }
  const type = SERVICE_KINDS[String(manifest.kind)];
  if (!type) {
    throw new InputError(
      `${at}.kind: ${JSON.stringify(manifest.kind)} is not one of ${Object.keys(
        SERVICE_KINDS,
      ).join(', ')}`,
    );
  }
  if (manifest.apiVersion !== type.apiVersion) {
    throw new InputError(
      `${at}.apiVersion: a ${manifest.kind} is applied as ${type.apiVersion}`,
    );
  }
  const { name, namespace, labels } = manifest.metadata;
  if (typeof name !== 'string' || typeof namespace !== 'string') {
    throw new InputError(`${at}.metadata: name and namespace are required`);
  }
  if (
    !isObject(labels) ||
    labels[ANNOTATION_KUBERNETES_ID] !== where.serviceName
  ) {
    throw new InputError(
      `${at}.metadata.labels: ${ANNOTATION_KUBERNETES_ID} must be ${where.serviceName}`,
    );
  }
  return manifest as ServiceManifest;
}
