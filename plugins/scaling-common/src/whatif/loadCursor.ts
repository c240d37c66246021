import type { LoadSample } from './types';

/** The load at one instant. */
export interface InstantLoad {
  cpuMillicores: number;
  requestsPerSecond: number;
}

/**
 * Reads recorded load at increasing instants, interpolating linearly between
 * samples and holding the first and last sample beyond the ends. Each read
 * moves on from the last one, so a whole replay reads the samples once.
 */
export class LoadCursor {
  readonly #samples: readonly LoadSample[];
  #index = 0;

  constructor(samples: readonly LoadSample[]) {
    this.#samples = samples;
  }

  at(time: number): InstantLoad {
    const samples = this.#samples;
    while (
      this.#index < samples.length - 1 &&
      samples[this.#index + 1].at <= time
    ) {
      this.#index += 1;
    }
    const before = samples[this.#index];
    const after = samples[this.#index + 1];
    if (!after || time <= before.at) {
      return {
        cpuMillicores: before.cpuMillicores,
        requestsPerSecond: before.requestsPerSecond ?? 0,
      };
    }
    const share = (time - before.at) / (after.at - before.at);
    return {
      cpuMillicores:
        before.cpuMillicores +
        (after.cpuMillicores - before.cpuMillicores) * share,
      requestsPerSecond:
        (before.requestsPerSecond ?? 0) +
        ((after.requestsPerSecond ?? 0) - (before.requestsPerSecond ?? 0)) *
          share,
    };
  }
}
