export type { ClusterDirectory, ClusterSource } from './types';
export { createClusterDirectory } from './createClusterDirectory';
export { clusterSourcesFromConfig } from './clusterLocatorMethods';
export {
  createClusterAuthStrategies,
  createClusterAuthStrategy,
} from './auth/clusterAuthStrategies';
export type {
  KubernetesClient,
  KubernetesJson,
  KubernetesList,
  KubernetesListOptions,
  KubernetesObject,
  KubernetesPatchOptions,
  KubernetesPatchType,
  KubernetesRequestOptions,
  KubernetesWriteOptions,
  ObjectMeta,
  Stored,
} from './kubernetes/types';
export type { KubernetesClients } from './kubernetes/KubernetesClients';
export { createKubernetesClients } from './kubernetes/KubernetesClients';
export { kubernetesFailureOf } from './kubernetes/kubernetesErrors';
export type { KubernetesFailure } from './kubernetes/kubernetesErrors';
export { resourcePath } from './kubernetes/apiPaths';
export type { KubernetesResourceType } from './kubernetes/apiPaths';
export {
  readClusterAccessSettings,
  readMilliseconds,
} from './clusterAccessSettings';
export type { ClusterAccessSettings } from './clusterAccessSettings';
