/**
 * The highest (or lowest) value recorded within a window that slides forward
 * with time, kept incrementally: a value that a later, better one outlives can
 * never be the answer again, so it is dropped when that one arrives. Each
 * value is added and removed once, where scanning the window costs its length
 * every evaluation.
 */
export class SlidingExtreme {
  readonly #times: number[] = [];
  readonly #values: number[] = [];
  #head = 0;
  readonly #highest: boolean;

  /** `highest`: the window's maximum; otherwise its minimum. */
  constructor(highest: boolean) {
    this.#highest = highest;
  }

  /** Records `value` at `time`; times never go back. */
  add(time: number, value: number): void {
    const values = this.#values;
    while (values.length > this.#head) {
      const kept = values[values.length - 1];
      if (this.#highest ? value < kept : value > kept) break;
      values.pop();
      this.#times.pop();
    }
    this.#times.push(time);
    this.#values.push(value);
  }

  /**
   * The extreme of the values recorded after `cutoff` (at or after it when
   * `inclusive`), or undefined when there are none. Cutoffs never go back.
   */
  extreme(cutoff: number, inclusive: boolean): number | undefined {
    const times = this.#times;
    while (
      this.#head < times.length &&
      (inclusive ? times[this.#head] < cutoff : times[this.#head] <= cutoff)
    ) {
      this.#head += 1;
    }
    if (this.#head > 1024 && this.#head * 2 > times.length) {
      times.splice(0, this.#head);
      this.#values.splice(0, this.#head);
      this.#head = 0;
    }
    return this.#head < times.length ? this.#values[this.#head] : undefined;
  }
}
