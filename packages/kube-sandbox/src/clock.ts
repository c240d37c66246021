/**
 * Simulated time shared by every cluster of a sandbox.
 *
 * Time only moves when something moves it: `advance(ms)` in tests, or the
 * sandbox's real-time driver (see `server.ts`), which advances it by
 * `elapsed real time × speed`. Nothing reads `Date.now()` directly, so a run
 * with the same seed and the same advances is reproducible.
 */
export class SimClock {
  #now: number;
  #speed: number;

  /** Fixed default start so that seeded runs produce identical timestamps. */
  static readonly DEFAULT_START = Date.UTC(2025, 0, 6, 0, 0, 0);

  constructor(options: { start?: number; speed?: number } = {}) {
    this.#now = options.start ?? SimClock.DEFAULT_START;
    this.#speed = options.speed ?? 1;
  }

  /** Simulated time in epoch milliseconds. */
  now(): number {
    return this.#now;
  }

  /** Simulated time as an RFC 3339 timestamp with second precision, as Kubernetes writes them. */
  timestamp(): string {
    return toKubeTimestamp(this.#now);
  }

  /** How many simulated milliseconds pass per real millisecond when driven in real time. */
  get speed(): number {
    return this.#speed;
  }

  setSpeed(speed: number): void {
    if (!(speed >= 0)) throw new RangeError(`speed must be >= 0, got ${speed}`);
    this.#speed = speed;
  }

  /** Moves simulated time forward. Negative steps are refused: time never goes back. */
  advance(ms: number): number {
    if (!(ms >= 0)) throw new RangeError(`cannot advance by ${ms} ms`);
    this.#now += ms;
    return this.#now;
  }
}

export function toKubeTimestamp(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}
