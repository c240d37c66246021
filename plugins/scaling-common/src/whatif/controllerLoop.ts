import type { InstantLoad } from './loadCursor';
import type { PodCohorts } from './podCohorts';

/**
 * What the controller sees at one sync. Times inside a replay run in seconds
 * since its start: small integers stay unboxed in V8, where epoch
 * milliseconds would be a heap number at every call.
 */
export interface SyncView {
  /** Epoch ms. */
  now: number;
  /** Seconds since the replay's start. */
  elapsed: number;
  /** The scale target's `spec.replicas`. */
  currentReplicas: number;
  /** The policy's, or the floor schedule's step in force. */
  minReplicas: number;
  load: InstantLoad;
  pods: PodCohorts;
}

/** A rescale decided at one sync. */
export interface Rescale {
  replicas: number;
  reason: string;
}

/** One HPA's controller over a replay: called every sync period, in time order. */
export interface ReplayController {
  sync(view: SyncView): Rescale | undefined;
}
