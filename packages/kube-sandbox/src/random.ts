/** A seeded pseudo-random source, so that a sandbox run is reproducible. */
export interface SeededRandom {
  /** Uniform in [0, 1). */
  next(): number;
  /** An independent stream derived from this one's seed and a label (e.g. a service name). */
  fork(label: string): SeededRandom;
  readonly seed: number;
}

/** mulberry32: tiny, fast and good enough for synthetic load and ids. */
export function createRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  return {
    seed,
    next() {
      state = (state + 0x6d2b79f5) >>> 0;
      return mix(state);
    },
    fork(label: string) {
      return createRandom(hashString(`${seed}:${label}`));
    },
  };
}

/**
 * A uniform value in [0, 1) that depends only on its inputs. The load model uses it instead of a
 * stream so that any instant can be evaluated in any order (the cost endpoint integrates the past).
 */
export function hashUnit(
  seed: number,
  ...parts: readonly (string | number)[]
): number {
  return mix(hashString(`${seed}:${parts.join(':')}`));
}

function mix(value: number): number {
  let t = value;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** FNV-1a, 32 bit. */
export function hashString(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  }
  return h >>> 0;
}
