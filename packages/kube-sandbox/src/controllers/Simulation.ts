import type {
  ClusterSimulation,
  DiscoveryGroup,
  SandboxCluster,
  SandboxRoute,
} from '../cluster/types';
import type { StoreEvent } from '../store/types';

/** A controller as the simulation drives it: fed every store event, asked to work on each tick. */
export interface SimulatedController {
  observe(event: StoreEvent): void;
  /** Does whatever is due at `now`; returns how much it did (0 when idle). */
  reconcile(now: number): number;
}

/** Controllers reconcile in passes until quiet, so that a change settles within one tick. */
const MAX_PASSES_PER_TICK = 8;

/**
 * Runs controllers against one cluster's store: subscribes them to its watch events and, on each
 * tick, lets them work in order (owners before the objects they own) until nothing is left.
 */
export function runControllers(
  cluster: SandboxCluster,
  parts: {
    controllers: readonly SimulatedController[];
    /** Work done once per tick before the controllers (e.g. the HPA sync, the event sweep). */
    beforeTick?: (now: number) => void;
    routes: SandboxRoute[];
    discovery: DiscoveryGroup[];
  },
): ClusterSimulation {
  const unsubscribe = cluster.store.watch(event => {
    for (const controller of parts.controllers) controller.observe(event);
  });
  return {
    tick(now: number) {
      parts.beforeTick?.(now);
      for (let pass = 0; pass < MAX_PASSES_PER_TICK; pass++) {
        let work = 0;
        for (const controller of parts.controllers)
          work += controller.reconcile(now);
        if (work === 0) break;
      }
    },
    routes: parts.routes,
    discovery: parts.discovery,
    dispose: unsubscribe,
  };
}
