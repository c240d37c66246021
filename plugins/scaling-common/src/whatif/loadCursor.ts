import type { LoadSample } from './types';

/** The load at one instant. */
export interface InstantLoad {
  cpuMillicores: number;
  requestsPerSecond: number;
}

/**
 * Reads recorded load at increasing instants, interpolating linearly between
 * samples and holding the first and last sample beyond the ends. Each read
 * moves on from the last one, so a whole replay reads the samples once, and
 * fills the one object it returns: a month of syncs allocates nothing.
 */
export class LoadCursor {
  /** Sample times in seconds since `origin`, and their values, unboxed. */
  readonly #times: Float64Array;
  readonly #cpu: Float64Array;
  readonly #rates: Float64Array;
  #index = 0;
  readonly #current: InstantLoad = { cpuMillicores: 0, requestsPerSecond: 0 };

  constructor(samples: readonly LoadSample[], origin: number) {
    const count = samples.length;
    this.#times = new Float64Array(count);
    this.#cpu = new Float64Array(count);
    this.#rates = new Float64Array(count);
    // A plain loop: Float64Array.from with a mapping function is many times slower.
    for (let i = 0; i < count; i++) {
      const sample = samples[i];
      this.#times[i] = (sample.at - origin) / 1000;
      this.#cpu[i] = sample.cpuMillicores;
      this.#rates[i] = sample.requestsPerSecond ?? 0;
    }
  }

  /** The load `elapsed` seconds after the origin, in an object the next read overwrites. */
  at(elapsed: number): InstantLoad {
    const times = this.#times;
    const last = times.length - 1;
    while (this.#index < last && times[this.#index + 1] <= elapsed) {
      this.#index += 1;
    }
    const i = this.#index;
    const current = this.#current;
    if (i === last || elapsed <= times[i]) {
      current.cpuMillicores = this.#cpu[i];
      current.requestsPerSecond = this.#rates[i];
      return current;
    }
    const share = (elapsed - times[i]) / (times[i + 1] - times[i]);
    current.cpuMillicores =
      this.#cpu[i] + (this.#cpu[i + 1] - this.#cpu[i]) * share;
    current.requestsPerSecond =
      this.#rates[i] + (this.#rates[i + 1] - this.#rates[i]) * share;
    return current;
  }
}
