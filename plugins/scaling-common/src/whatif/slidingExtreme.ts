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
  readonly #prefers: (candidate: number, kept: number) => boolean;

  /** `highest`: the window's maximum; otherwise its minimum. */
  constructor(highest: boolean) {
    this.#prefers = highest ? (a, b) => a >= b : (a, b) => a <= b;
  }

  /** Records `value` at `time`; times never go back. */
  add(time: number, value: number): void {
    while (
      this.#values.length > this.#head &&
      this.#prefers(value, this.#values[this.#values.length - 1])
    ) {
      this.#values.pop();
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
