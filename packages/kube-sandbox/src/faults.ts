/** How a cluster misbehaves, for tests of the suite's error handling. */
export type FaultMode = 'none' | 'down' | 'slow' | 'error500' | 'forbidden';

export interface Fault {
  mode: FaultMode;
  /** For `slow`: how long each request is held before it is answered. Default 5000 ms. */
  delayMs?: number;
}

export const FAULT_MODES: readonly FaultMode[] = [
  'none',
  'down',
  'slow',
  'error500',
  'forbidden',
];
const DEFAULT_DELAY_MS = 5000;

/**
 * The fault currently injected into each cluster. `down` resets connections, `slow` delays
 * answers, `error500` and `forbidden` answer every authenticated request with that Status.
 * Faults act on HTTP only; controllers keep running.
 */
export class FaultInjector {
  readonly #faults = new Map<string, Required<Fault>>();

  set(cluster: string, fault: Fault): void {
    if (!FAULT_MODES.includes(fault.mode))
      throw new RangeError(`unknown fault mode "${fault.mode}"`);
    if (fault.mode === 'none') {
      this.#faults.delete(cluster);
      return;
    }
    this.#faults.set(cluster, {
      mode: fault.mode,
      delayMs: fault.delayMs ?? DEFAULT_DELAY_MS,
    });
  }

  clear(cluster?: string): void {
    if (cluster === undefined) this.#faults.clear();
    else this.#faults.delete(cluster);
  }

  get(cluster: string): Required<Fault> {
    return this.#faults.get(cluster) ?? { mode: 'none', delayMs: 0 };
  }
}
