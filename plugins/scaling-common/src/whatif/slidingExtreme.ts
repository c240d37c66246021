/**
 * The highest (or lowest) value recorded within a window that slides forward
 * with time, kept incrementally: a value that a later, better one outlives can
 * never be the answer again, so it is dropped when that one arrives. Each
 * value is added and removed once, where scanning the window costs its length
 * every evaluation. The values are replica counts, kept in a typed ring buffer
 * so that a month of syncs allocates next to nothing.
 */
export class SlidingExtreme {
  #times = new Float64Array(16);
  #values = new Int32Array(16);
  /** Index of the oldest entry kept. */
  #head = 0;
  #size = 0;
  readonly #highest: boolean;

  /** `highest`: the window's maximum; otherwise its minimum. */
  constructor(highest: boolean) {
    this.#highest = highest;
  }

  /** Records `value` (a whole number of replicas) at `time`; times never go back. */
  add(time: number, value: number): void {
    const mask = this.#values.length - 1;
    while (this.#size > 0) {
      const kept = this.#values[(this.#head + this.#size - 1) & mask];
      if (this.#highest ? value < kept : value > kept) break;
      this.#size -= 1;
    }
    if (this.#size === this.#values.length) this.#grow();
    const slot = (this.#head + this.#size) & (this.#values.length - 1);
    this.#times[slot] = time;
    this.#values[slot] = value;
    this.#size += 1;
  }

  /**
   * The extreme of the values recorded after `cutoff` (at or after it when
   * `inclusive`), or undefined when there are none. Cutoffs never go back.
   */
  extreme(cutoff: number, inclusive: boolean): number | undefined {
    const mask = this.#values.length - 1;
    while (this.#size > 0) {
      const time = this.#times[this.#head];
      if (inclusive ? time >= cutoff : time > cutoff) break;
      this.#head = (this.#head + 1) & mask;
      this.#size -= 1;
    }
    return this.#size > 0 ? this.#values[this.#head] : undefined;
  }

  /** Doubles the ring, oldest entry first. */
  #grow(): void {
    const capacity = this.#values.length;
    const times = new Float64Array(capacity * 2);
    const values = new Int32Array(capacity * 2);
    for (let i = 0; i < this.#size; i++) {
      const slot = (this.#head + i) & (capacity - 1);
      times[i] = this.#times[slot];
      values[i] = this.#values[slot];
    }
    this.#times = times;
    this.#values = values;
    this.#head = 0;
  }
}
