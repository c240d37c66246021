import { serviceNameOf } from '../controllers/pods';
import type { ObjectStore } from '../store/types';

/** Resources whose objects a custom metric can describe, by the HPA's `describedObject.kind`. */
export const DESCRIBABLE_RESOURCES: Readonly<Record<string, string>> = {
  Service: 'services',
  Deployment: 'deployments.apps',
  ReplicaSet: 'replicasets.apps',
  Rollout: 'rollouts.argoproj.io',
};

/**
 * The service an object's metrics are about: from its labels, or for a Service from the labels it
 * selects. Undefined when the object does not exist.
 */
export function describedService(
  store: ObjectStore,
  resource: string,
  namespace: string,
  name: string,
): string | undefined {
  const object = store.get(resource, namespace, name);
  if (!object) return undefined;
  const selector =
    resource === 'services'
      ? (object.spec as { selector?: Record<string, string> } | undefined)
          ?.selector
      : undefined;
  return serviceNameOf({ ...object.metadata.labels, ...selector }, name);
}
