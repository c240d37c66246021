/** A kind of Kubernetes resource, as its REST path names it. */
export type KubernetesResourceType = {
  /** `v1` for the core group, otherwise `<group>/<version>`, e.g. `apps/v1`. */
  apiVersion: string;
  /** The plural resource name, e.g. `deployments`. */
  plural: string;
};

/**
 * The REST path of a resource collection or object, e.g.
 * `/apis/apps/v1/namespaces/shop/deployments/web/scale`. Without a namespace
 * the path spans all namespaces (or names a cluster-scoped resource).
 */
export function resourcePath(
  type: KubernetesResourceType,
  target: { namespace?: string; name?: string; subresource?: string } = {},
): string {
  const groupRoot = type.apiVersion.includes('/') ? '/apis' : '/api';
  const segments = [groupRoot, type.apiVersion];
  if (target.namespace) {
    segments.push('namespaces', encodeURIComponent(target.namespace));
  }
  segments.push(type.plural);
  if (target.name) {
    segments.push(encodeURIComponent(target.name));
    if (target.subresource) {
      segments.push(target.subresource);
    }
  }
  return segments.join('/');
}
