import { GoldenSignal } from '@meschain/backstage-plugin-scaling-common';
import { formatNumber } from '../../format';

/** The column header of each golden signal. */
export const signalLabels: Record<GoldenSignal, string> = {
  requestRate: 'Request rate',
  errorRatio: 'Errors',
  latencyP50: 'Latency p50',
  latencyP95: 'Latency p95',
  latencyP99: 'Latency p99',
  cpuSaturation: 'CPU',
  memorySaturation: 'Memory',
};

/** A share of a whole as a percentage, with two decimals below 1 %. */
export function formatRatio(ratio: number): string {
  const percent = ratio * 100;
  // An error ratio of 0.04 % matters against a 99.9 % objective: keep its digits.
  const digits = percent !== 0 && Math.abs(percent) < 1 ? 2 : 1;
  return `${percent.toFixed(digits)} %`;
}

/**
 * A signal's value in its unit: request rate in req/s, the error ratio and
 * saturations as percentages, latencies (seconds in the API) in ms.
 */
export function formatSignal(signal: GoldenSignal, value: number): string {
  switch (signal) {
    case 'requestRate':
      return `${formatNumber(value)} req/s`;
    case 'errorRatio':
    case 'cpuSaturation':
    case 'memorySaturation':
      return formatRatio(value);
    default:
      return `${formatNumber(value * 1000)} ms`;
  }
}
