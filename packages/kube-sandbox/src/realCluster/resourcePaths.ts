import type { KubeObject } from '../store/types';

/** The REST path of the collection `object` belongs to, e.g. `/apis/apps/v1/namespaces/ns/deployments`. */
export function collectionPath(object: KubeObject, plural: string): string {
  const apiVersion = String(object.apiVersion);
  const base = apiVersion.includes('/')
    ? `/apis/${apiVersion}`
    : `/api/${apiVersion}`;
  const namespace = object.metadata?.namespace;
  return namespace
    ? `${base}/namespaces/${namespace}/${plural}`
    : `${base}/${plural}`;
}

/** The plural of a sandbox resource key, `<plural>` or `<plural>.<group>`. */
export function pluralOf(resource: string): string {
  return resource.split('.')[0];
}
