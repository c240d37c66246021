import { toKubeTimestamp } from '../clock';
import type { RegionPrices } from '../cluster/types';
import type { AllocationProperties, PodAllocation } from './podAllocations';
import type { TimeWindow } from './window';

const GIB = 2 ** 30;
const HOUR_MS = 3_600_000;

/** The resource integrals of one or more pods, summed: what an allocation is before pricing. */
export type AllocationTotals = Omit<PodAllocation, 'properties'> & {
  properties: Partial<AllocationProperties>;
};

/** Sums allocations, keeping only the properties they share (as OpenCost's aggregation does). */
export function sumAllocations(
  allocations: readonly AllocationTotals[],
): AllocationTotals {
  const [first, ...rest] = allocations;
  const total: AllocationTotals = {
    ...first,
    properties: { ...first.properties },
  };
  for (const a of rest) {
    total.start = Math.min(total.start, a.start);
    total.end = Math.max(total.end, a.end);
    total.cpuRequestCoreHours += a.cpuRequestCoreHours;
    total.cpuLimitCoreHours += a.cpuLimitCoreHours;
    total.cpuUsageCoreHours += a.cpuUsageCoreHours;
    total.cpuCoreHours += a.cpuCoreHours;
    total.ramRequestByteHours += a.ramRequestByteHours;
    total.ramLimitByteHours += a.ramLimitByteHours;
    total.ramUsageByteHours += a.ramUsageByteHours;
    total.ramByteHours += a.ramByteHours;
    total.properties = sharedProperties(total.properties, a.properties);
  }
  return total;
}

function sharedProperties(
  a: Partial<AllocationProperties>,
  b: Partial<AllocationProperties>,
): Partial<AllocationProperties> {
  const shared: Partial<AllocationProperties> = {};
  for (const key of [
    'cluster',
    'node',
    'container',
    'controller',
    'controllerKind',
    'namespace',
    'pod',
    'providerID',
  ] as const) {
    if (a[key] !== undefined && a[key] === b[key]) shared[key] = a[key];
  }
  const labels = Object.fromEntries(
    Object.entries(a.labels ?? {}).filter(([k, v]) => b.labels?.[k] === v),
  );
  if (Object.keys(labels).length) shared.labels = labels;
  const services = (a.services ?? []).filter(s => b.services?.includes(s));
  if (services.length) shared.services = services;
  return shared;
}

/** Usage over request; with no request, 1 when anything was used and charged, else 0 (as OpenCost). */
function efficiency(usage: number, request: number, cost: number): number {
  if (request > 0) return usage / request;
  return usage > 0 && cost > 0 ? 1 : 0;
}

/** OpenCost rounds every figure to five decimals in its responses. */
function round(value: number): number {
  return Number.isFinite(value) ? Math.round(value * 100_000) / 100_000 : 0;
}

/**
 * An allocation in the JSON shape of OpenCost's `AllocationJSON`, priced with the region's hourly
 * prices: cost = max(request, usage) resource-hours × price.
 */
export function allocationJson(
  name: string,
  totals: AllocationTotals,
  window: TimeWindow,
  prices: RegionPrices,
) {
  const hours = (totals.end - totals.start) / HOUR_MS;
  const per = (value: number) => (hours > 0 ? value / hours : 0);
  const cpuCost = totals.cpuCoreHours * prices.cpuCoreHour;
  const ramCost = (totals.ramByteHours / GIB) * prices.ramGiBHour;
  const cpuRequest = per(totals.cpuRequestCoreHours);
  const cpuUsage = per(totals.cpuUsageCoreHours);
  const ramRequest = per(totals.ramRequestByteHours);
  const ramUsage = per(totals.ramUsageByteHours);
  const cpuEfficiency = efficiency(cpuUsage, cpuRequest, cpuCost);
  const ramEfficiency = efficiency(ramUsage, ramRequest, ramCost);
  const totalEfficiency =
    cpuCost + ramCost > 0
      ? (cpuEfficiency * cpuCost + ramEfficiency * ramCost) /
        (cpuCost + ramCost)
      : 0;
  return {
    name,
    properties: totals.properties,
    window: {
      start: toKubeTimestamp(window.start),
      end: toKubeTimestamp(window.end),
    },
    start: toKubeTimestamp(totals.start),
    end: toKubeTimestamp(totals.end),
    minutes: round((totals.end - totals.start) / 60_000),
    cpuCores: round(per(totals.cpuCoreHours)),
    cpuCoreRequestAverage: round(cpuRequest),
    cpuCoreLimitAverage: round(per(totals.cpuLimitCoreHours)),
    cpuCoreUsageAverage: round(cpuUsage),
    cpuCoreHours: round(totals.cpuCoreHours),
    cpuCost: round(cpuCost),
    cpuCostAdjustment: 0,
    cpuCostIdle: 0,
    cpuEfficiency: round(cpuEfficiency),
    gpuCount: 0,
    gpuHours: 0,
    gpuCost: 0,
    gpuCostAdjustment: 0,
    gpuCostIdle: 0,
    gpuEfficiency: 0,
    networkTransferBytes: 0,
    networkReceiveBytes: 0,
    networkCost: 0,
    networkCrossZoneCost: 0,
    networkCrossRegionCost: 0,
    networkInternetCost: 0,
    networkCostAdjustment: 0,
    loadBalancerCost: 0,
    loadBalancerCostAdjustment: 0,
    pvBytes: 0,
    pvByteHours: 0,
    pvCost: 0,
    pvs: null,
    pvCostAdjustment: 0,
    ramBytes: round(per(totals.ramByteHours)),
    ramByteRequestAverage: round(ramRequest),
    ramByteLimitAverage: round(per(totals.ramLimitByteHours)),
    ramByteUsageAverage: round(ramUsage),
    ramByteHours: round(totals.ramByteHours),
    ramCost: round(ramCost),
    ramCostAdjustment: 0,
    ramCostIdle: 0,
    ramEfficiency: round(ramEfficiency),
    externalCost: 0,
    sharedCost: 0,
    totalCost: round(cpuCost + ramCost),
    totalEfficiency: round(totalEfficiency),
    lbAllocations: null,
  };
}
