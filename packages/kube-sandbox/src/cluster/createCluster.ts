import type { SimClock } from '../clock';
import { createRandom, type SeededRandom } from '../random';
import { MemoryObjectStore } from '../store/MemoryObjectStore';
import type { ClusterSpec, SandboxCluster } from './types';

/** The random source of one cluster of a sandbox started with `seed`: its store, its load and its faults. */
export function clusterRandom(seed: number, clusterName: string): SeededRandom {
  return createRandom(seed).fork(clusterName);
}

/** An empty cluster (no objects) for a fleet entry; `seedCluster` fills it. */
export function createCluster(
  spec: ClusterSpec,
  options: { clock: SimClock; seed: number },
): SandboxCluster {
  const random = clusterRandom(options.seed, spec.name);
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
