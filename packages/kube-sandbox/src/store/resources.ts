import type { ResourceKey } from './types';

export type Subresource = 'status' | 'scale';

/** What the sandbox knows about one resource: how it is stored, served and discovered. */
export interface ResourceDefinition {
  key: ResourceKey;
  group: string;
  /** The version objects are stored in. */
  version: string;
  /**
   * Every version it is served at, the preferred one first (discovery lists them in this order):
   * the storage version for built-in kinds, the highest for a CRD. Others are converted on the way.
   */
  servedVersions: readonly string[];
  plural: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames: readonly string[];
  verbs: readonly string[];
  subresources: readonly Subresource[];
  categories: readonly string[];
  /** Whether writes to anything but metadata and status bump `metadata.generation`. */
  hasGeneration: boolean;
  /** A CustomResourceDefinition's kind upstream: no strategic merge patch. */
  custom: boolean;
}

const ALL_VERBS = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
] as const;

function define(
  fields: Omit<
    ResourceDefinition,
    | 'custom'
    | 'key'
    | 'servedVersions'
    | 'verbs'
    | 'categories'
    | 'shortNames'
    | 'subresources'
  > &
    Partial<
      Pick<
        ResourceDefinition,
        | 'servedVersions'
        | 'verbs'
        | 'categories'
        | 'shortNames'
        | 'subresources'
        | 'custom'
      >
    >,
): ResourceDefinition {
  return {
    key: fields.group ? `${fields.plural}.${fields.group}` : fields.plural,
    custom: false,
    servedVersions: [fields.version],
    verbs: ALL_VERBS,
    categories: [],
    shortNames: [],
    subresources: [],
    ...fields,
  };
}

/**
 * Everything the sandbox serves. Beyond the kinds the suite uses, the rest of the upstream
 * Kubernetes plugin's default object types are served (normally empty) so that it shows no errors.
 */
export const RESOURCES: readonly ResourceDefinition[] = [
  define({
    group: '',
    version: 'v1',
    plural: 'namespaces',
    singular: 'namespace',
    kind: 'Namespace',
    namespaced: false,
    shortNames: ['ns'],
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
    subresources: ['status'],
    hasGeneration: false,
  }),
  define({
    group: '',
    version: 'v1',
    plural: 'nodes',
    singular: 'node',
    kind: 'Node',
    namespaced: false,
    shortNames: ['no'],
    subresources: ['status'],
    hasGeneration: false,
  }),
  define({
    group: '',
    version: 'v1',
    plural: 'pods',
    singular: 'pod',
    kind: 'Pod',
    namespaced: true,
    shortNames: ['po'],
    subresources: ['status'],
    categories: ['all'],
    hasGeneration: false,
  }),
  define({
    group: '',
    version: 'v1',
    plural: 'services',
    singular: 'service',
    kind: 'Service',
    namespaced: true,
    shortNames: ['svc'],
    verbs: [
      'create',
      'delete',
      'deletecollection',
      'get',
      'list',
      'patch',
      'update',
      'watch',
    ],
    subresources: ['status'],
    categories: ['all'],
    hasGeneration: false,
  }),
  define({
    group: '',
    version: 'v1',
    plural: 'events',
    singular: 'event',
    kind: 'Event',
    namespaced: true,
    shortNames: ['ev'],
    hasGeneration: false,
  }),
  define({
    group: '',
    version: 'v1',
    plural: 'configmaps',
    singular: 'configmap',
    kind: 'ConfigMap',
    namespaced: true,
    shortNames: ['cm'],
    hasGeneration: false,
  }),
  define({
    group: '',
    version: 'v1',
    plural: 'limitranges',
    singular: 'limitrange',
    kind: 'LimitRange',
    namespaced: true,
    shortNames: ['limits'],
    hasGeneration: false,
  }),
  define({
    group: '',
    version: 'v1',
    plural: 'resourcequotas',
    singular: 'resourcequota',
    kind: 'ResourceQuota',
    namespaced: true,
    shortNames: ['quota'],
    subresources: ['status'],
    hasGeneration: false,
  }),
  define({
    group: 'apps',
    version: 'v1',
    plural: 'statefulsets',
    singular: 'statefulset',
    kind: 'StatefulSet',
    namespaced: true,
    shortNames: ['sts'],
    subresources: ['status', 'scale'],
    categories: ['all'],
    hasGeneration: true,
  }),
  define({
    group: 'apps',
    version: 'v1',
    plural: 'daemonsets',
    singular: 'daemonset',
    kind: 'DaemonSet',
    namespaced: true,
    shortNames: ['ds'],
    subresources: ['status'],
    categories: ['all'],
    hasGeneration: true,
  }),
  define({
    group: 'batch',
    version: 'v1',
    plural: 'jobs',
    singular: 'job',
    kind: 'Job',
    namespaced: true,
    subresources: ['status'],
    categories: ['all'],
    hasGeneration: true,
  }),
  define({
    group: 'batch',
    version: 'v1',
    plural: 'cronjobs',
    singular: 'cronjob',
    kind: 'CronJob',
    namespaced: true,
    shortNames: ['cj'],
    subresources: ['status'],
    categories: ['all'],
    hasGeneration: true,
  }),
  define({
    group: 'networking.k8s.io',
    version: 'v1',
    plural: 'ingresses',
    singular: 'ingress',
    kind: 'Ingress',
    namespaced: true,
    shortNames: ['ing'],
    subresources: ['status'],
    hasGeneration: true,
  }),
  define({
    group: 'policy',
    version: 'v1',
    plural: 'poddisruptionbudgets',
    singular: 'poddisruptionbudget',
    kind: 'PodDisruptionBudget',
    namespaced: true,
    shortNames: ['pdb'],
    subresources: ['status'],
    hasGeneration: true,
  }),
  define({
    group: 'apps',
    version: 'v1',
    plural: 'deployments',
    singular: 'deployment',
    kind: 'Deployment',
    namespaced: true,
    shortNames: ['deploy'],
    subresources: ['status', 'scale'],
    categories: ['all'],
    hasGeneration: true,
  }),
  define({
    group: 'apps',
    version: 'v1',
    plural: 'replicasets',
    singular: 'replicaset',
    kind: 'ReplicaSet',
    namespaced: true,
    shortNames: ['rs'],
    subresources: ['status', 'scale'],
    categories: ['all'],
    hasGeneration: true,
  }),
  define({
    group: 'autoscaling',
    version: 'v2',
    servedVersions: ['v2', 'v1'],
    plural: 'horizontalpodautoscalers',
    singular: 'horizontalpodautoscaler',
    kind: 'HorizontalPodAutoscaler',
    namespaced: true,
    shortNames: ['hpa'],
    subresources: ['status'],
    categories: ['all'],
    hasGeneration: true,
  }),
  define({
    group: 'argoproj.io',
    version: 'v1alpha1',
    plural: 'rollouts',
    singular: 'rollout',
    kind: 'Rollout',
    custom: true,
    namespaced: true,
    shortNames: ['ro'],
    subresources: ['status', 'scale'],
    categories: ['all'],
    hasGeneration: true,
  }),
  // Istio's VirtualService, as far as a header-routed Rollout needs one: schemaless, as the real
  // control plane's CRD (`realCluster/trafficRouting.ts`) serves it.
  define({
    group: 'networking.istio.io',
    version: 'v1alpha3',
    // Discovery prefers a CRD's highest version; Argo Rollouts reads and writes v1alpha3.
    servedVersions: ['v1', 'v1beta1', 'v1alpha3'],
    plural: 'virtualservices',
    singular: 'virtualservice',
    kind: 'VirtualService',
    custom: true,
    namespaced: true,
    shortNames: ['vs'],
    hasGeneration: true,
  }),
];

const byKey = new Map(RESOURCES.map(r => [r.key, r]));

export function resourceDefinition(
  key: ResourceKey,
): ResourceDefinition | undefined {
  return byKey.get(key);
}

/** The definition served at `<group>/<version>` under `plural`, if any. */
export function findResource(
  group: string,
  version: string,
  plural: string,
): ResourceDefinition | undefined {
  const def = byKey.get(group ? `${plural}.${group}` : plural);
  return def && def.servedVersions.includes(version) ? def : undefined;
}

export function apiVersionOf(group: string, version: string): string {
  return group ? `${group}/${version}` : version;
}
