/**
 * Kubernetes resource quantities (`250m`, `1.5`, `512Mi`, `2G`, `1e3`) as plain numbers, and back
 * in the forms metrics-server writes (`123456789n` cores, `524288Ki` bytes).
 */

const BINARY_SUFFIXES: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const DECIMAL_SUFFIXES: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

/** The quantity's value in base units (cores for CPU, bytes for memory); NaN when malformed. */
export function parseQuantity(quantity: string | number | undefined): number {
  if (typeof quantity === 'number') return quantity;
  if (quantity === undefined) return NaN;
  const match = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)([a-zA-Z]*)$/.exec(
    quantity.trim(),
  );
  if (!match) return NaN;
  const [, number, suffix] = match;
  const scale = BINARY_SUFFIXES[suffix] ?? DECIMAL_SUFFIXES[suffix];
  return scale === undefined ? NaN : Number(number) * scale;
}

/** Like `parseQuantity`, with 0 for an absent or malformed quantity. */
export function quantityOrZero(quantity: string | number | undefined): number {
  const value = parseQuantity(quantity);
  return Number.isFinite(value) ? value : 0;
}

/** CPU cores as metrics-server writes them, in whole nanocores. */
export function formatNanoCores(cores: number): string {
  return `${Math.max(0, Math.round(cores * 1e9))}n`;
}

/** Bytes as metrics-server writes them, in whole KiB. */
export function formatKibibytes(bytes: number): string {
  return `${Math.max(0, Math.round(bytes / 1024))}Ki`;
}

/** A quantity for a custom or external metric value, in milli-units as the API server writes them. */
export function formatMetricValue(value: number): string {
  const milli = Math.round(value * 1000);
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}
