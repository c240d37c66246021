import type { SimClock } from '../clock';
import { createRandom } from '../random';
import { MemoryObjectStore } from '../store/MemoryObjectStore';
import type { ClusterSpec, SandboxCluster } from './types';

/** An empty cluster (no objects) for a fleet entry; `seedCluster` fills it. */
export function createCluster(
  spec: ClusterSpec,
  options: { clock: SimClock; seed: number },
): SandboxCluster {
  const random = createRandom(options.seed).fork(spec.name);
  return {
    name: spec.name,
    region: spec.region,
    role: spec.role,
    token: spec.token,
    prices: spec.prices,
    spec,
    clock: options.clock,
    random,
    store: new MemoryObjectStore({
      clock: options.clock,
      random: random.fork('store'),
    }),
  };
}
