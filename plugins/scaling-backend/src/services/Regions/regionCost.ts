import {
  ComputeAmounts,
  RegionCost,
  RegionPricing,
} from '@meschain/backstage-plugin-scaling-common';

/** The hours of an average month, as cloud price lists count them. */
export const HOURS_PER_MONTH = 730;
const GIB = 1024 ** 3;

const toCents = (amount: number) => Math.round(amount * 100) / 100;

/** What the requested CPU and memory cost at the region's prices; zero without prices. */
export function regionCost(
  pricing: RegionPricing | undefined,
  requested: ComputeAmounts,
): RegionCost {
  const hourly = pricing
    ? requested.cpuCores * pricing.cpuCoreHour +
      (requested.memoryBytes / GIB) * pricing.memoryGiBHour
    : 0;
  return {
    currency: pricing?.currency ?? 'USD',
    hourly: Math.round(hourly * 10_000) / 10_000,
    monthly: toCents(hourly * HOURS_PER_MONTH),
  };
}
