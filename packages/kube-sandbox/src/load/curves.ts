import { hashUnit } from '../random';

/** Busiest local hour: traffic peaks mid-afternoon and bottoms out twelve hours earlier. */
const PEAK_HOUR = 15;

/** 0 at the daily trough (03:00 local), 1 at the peak (15:00 local), a smooth cosine between. */
export function diurnalShape(localHour: number): number {
  return (
    0.5 - 0.5 * Math.cos((2 * Math.PI * (localHour - PEAK_HOUR + 12)) / 24)
  );
}

/** Spacing of the knots of the value noise: slow enough to look like traffic, not jitter. */
export const NOISE_KNOT_MS = 5 * 60_000;

/**
 * Smooth noise in [-1, 1]: random values at fixed knots, cosine-interpolated between them. A pure
 * function of its inputs, so the same instant always yields the same value.
 */
export function valueNoise(seed: number, label: string, at: number): number {
  const position = at / NOISE_KNOT_MS;
  const knot = Math.floor(position);
  const fraction = position - knot;
  const left = hashUnit(seed, 'noise', label, knot) * 2 - 1;
  const right = hashUnit(seed, 'noise', label, knot + 1) * 2 - 1;
  const weight = (1 - Math.cos(Math.PI * fraction)) / 2;
  return left * (1 - weight) + right * weight;
}
