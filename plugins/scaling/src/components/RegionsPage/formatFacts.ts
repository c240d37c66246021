import {
  ComputeAmounts,
  RegionCost,
} from '@meschain/backstage-plugin-scaling-common';
import { formatMoney, formatNumber } from '../../format';

const GIB = 1024 ** 3;

/** e.g. `12.5 of 32 cores`, `2 of 8 cores`. */
export function formatCpu(
  requested: ComputeAmounts,
  allocatable: ComputeAmounts,
) {
  return `${formatNumber(requested.cpuCores)} of ${formatNumber(
    allocatable.cpuCores,
  )} cores`;
}

/** e.g. `40 of 128 GiB`. */
export function formatMemory(
  requested: ComputeAmounts,
  allocatable: ComputeAmounts,
) {
  return `${formatNumber(requested.memoryBytes / GIB)} of ${formatNumber(
    allocatable.memoryBytes / GIB,
  )} GiB`;
}

/** `hourly` and `monthly` as money in the cost's currency. */
export function formatCost(cost: RegionCost): {
  hourly: string;
  monthly: string;
} {
  return {
    hourly: formatMoney(cost.hourly, cost.currency),
    monthly: formatMoney(cost.monthly, cost.currency),
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
