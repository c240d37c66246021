/**
 * Kubernetes resource quantities (`250m`, `1.5`, `512Mi`, `2G`, `1e3`) as plain numbers, and back
 * in the forms metrics-server writes (`123456789n` cores, `524288Ki` bytes).
 */

import { parseQuantity as parseValidQuantity } from '@meschain/backstage-plugin-scaling-common';

/**
 * The quantity's value in base units (cores for CPU, bytes for memory); NaN when absent or
 * malformed. Read by the suite's one quantity parser, as the portal reads it.
 */
export function parseQuantity(quantity: string | number | undefined): number {
  if (quantity === undefined) return NaN;
  try {
    return parseValidQuantity(quantity);
  } catch {
    return NaN;
  }
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
