import type { SandboxCluster } from '../cluster/types';
import type { ObjectMeta } from '../store/types';

/**
 * When cost starts counting an object (pod or node): its creation, or for the objects the seed
 * made, the start of the past the fleet gives them (see `SeedHistory`). Undefined when the object
 * has no creation time, which counts it over the whole window.
 */
export function countedSince(
  cluster: SandboxCluster,
  creationTimestamp: ObjectMeta['creationTimestamp'],
): number | undefined {
  const created = Date.parse(creationTimestamp ?? '');
  if (!Number.isFinite(created)) return undefined;
  const history = cluster.seedHistory;
  return history && created <= history.seededUntil
    ? history.runningSince
    : created;
}
