import { CostAllocation } from '@meschain/backstage-plugin-scaling-node';
import { CostEntityMapping } from './costEntityMapping';
import { HourlyUsageRow } from './store';

const GIB = 2 ** 30;
const HOUR_MS = 3_600_000;

const SUMMED_FIGURES = [
  'cpuCoreHours',
  'ramByteHours',
  'cpuRequestCoreHours',
  'cpuUsageCoreHours',
  'ramRequestByteHours',
  'ramUsageByteHours',
  'cpuCost',
  'ramCost',
  'storageCost',
  'networkCost',
  'sharedCost',
  'totalCost',
] as const;

/** Each allocation's hours summed into one allocation over the whole window. */
export function sumHoursByAllocation(
  hourly: CostAllocation[],
  window: CostAllocation['window'],
): CostAllocation[] {
  const sums = new Map<string, CostAllocation>();
  for (const hour of hourly) {
    const sum = sums.get(hour.name);
    if (!sum) {
      sums.set(hour.name, { ...hour, window });
      continue;
    }
    for (const figure of SUMMED_FIGURES) sum[figure] += hour[figure];
  }
  return [...sums.values()];
}

/**
 * The whole hours (ended by `now`) of the allocations that map to a catalog
 * entity, summed per hour and entity: hour-long core- and GiB-hours are the
 * hour's average cores and GiB.
 */
export function hourlyUsageRows(
  hourly: CostAllocation[],
  mapping: CostEntityMapping,
  now: Date,
): HourlyUsageRow[] {
  const rows = new Map<string, HourlyUsageRow>();
  for (const allocation of hourly) {
    const { start, end } = allocation.window;
    if (
      allocation.idle ||
      end.getTime() - start.getTime() !== HOUR_MS ||
      end > now
    ) {
      continue;
    }
    const owner = mapping(allocation);
    if (!owner) continue;
    const hour = start.toISOString();
    const key = `${hour}\u0000${owner.entityRef}`;
    const row = rows.get(key) ?? {
      hour,
      entityRef: owner.entityRef,
      ownerRef: owner.ownerRef,
      cpuRequestCores: 0,
      cpuUsageCores: 0,
      memoryRequestGiB: 0,
      memoryUsageGiB: 0,
      cpuCost: 0,
      memoryCost: 0,
      storageCost: 0,
    };
    row.cpuRequestCores += allocation.cpuRequestCoreHours;
    row.cpuUsageCores += allocation.cpuUsageCoreHours;
    row.memoryRequestGiB += allocation.ramRequestByteHours / GIB;
    row.memoryUsageGiB += allocation.ramUsageByteHours / GIB;
    row.cpuCost += allocation.cpuCost;
    row.memoryCost += allocation.ramCost;
    row.storageCost += allocation.storageCost;
    rows.set(key, row);
  }
  return [...rows.values()];
}
