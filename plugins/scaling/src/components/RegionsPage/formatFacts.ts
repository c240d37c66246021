import {
  ComputeAmounts,
  RegionCost,
} from '@meschain/backstage-plugin-scaling-common';

const GIB = 1024 ** 3;

function round(value: number): string {
  return value >= 10 ? value.toFixed(0) : value.toFixed(1);
}

/** e.g. `12.5 of 32 cores`. */
export function formatCpu(
  requested: ComputeAmounts,
  allocatable: ComputeAmounts,
) {
  return `${round(requested.cpuCores)} of ${round(allocatable.cpuCores)} cores`;
}

/** e.g. `40 of 128 GiB`. */
export function formatMemory(
  requested: ComputeAmounts,
  allocatable: ComputeAmounts,
) {
  return `${round(requested.memoryBytes / GIB)} of ${round(
    allocatable.memoryBytes / GIB,
  )} GiB`;
}

/** `hourly` and `monthly` as money in the cost's currency. */
export function formatCost(cost: RegionCost): {
  hourly: string;
  monthly: string;
} {
  const money = new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: cost.currency,
    maximumFractionDigits: 2,
  });
  return {
    hourly: money.format(cost.hourly),
    monthly: money.format(cost.monthly),
  };
}

/** The configured and measured latency, e.g. `40 ms configured · 3 ms measured`. */
export function formatLatency(latency: {
  configuredMs?: number;
  measuredMs?: number;
}): string {
  const parts = [
    latency.configuredMs !== undefined &&
      `${latency.configuredMs} ms configured`,
    latency.measuredMs !== undefined &&
      `${Math.round(latency.measuredMs)} ms measured`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : 'unknown';
}
