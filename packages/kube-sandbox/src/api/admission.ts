import type { SandboxCluster } from '../cluster/types';
import { resourceDefinition } from '../store/resources';
import type { KubeObject, ResourceKey } from '../store/types';
import { statusErrors } from '../status';
import { prepareForCreate, type ServiceIpAllocator } from './strategy';

/**
 * Creates an object in-process exactly as an API create would store it (defaults, allocation,
 * validation), without HTTP. Seeding uses it so that seeded objects look API-made.
 */
export function admitCreate(
  cluster: SandboxCluster,
  allocator: ServiceIpAllocator,
  resource: ResourceKey,
  object: KubeObject,
): KubeObject {
  const def = resourceDefinition(resource);
  if (!def) throw statusErrors.internal(`unknown resource ${resource}`);
  return cluster.store.create(
    resource,
    prepareForCreate(def, object, allocator),
  );
}
