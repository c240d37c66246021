import { Config } from '@backstage/config';
import { HumanDuration } from '@backstage/types';
import { readSchedulerServiceTaskScheduleDefinitionFromConfig } from '@backstage/backend-plugin-api';

/** Discounts off on-demand prices that a region's cloud offers. */
export type RegionDiscounts = {
  spotDiscount: number;
  reservedDiscount: number;
};

export type CostSettings = {
  currency: string;
  /** Per region; regions not listed get no spot or reserved recommendation. */
  discounts: Record<string, RegionDiscounts>;
  /** Per region, the share of steady capacity already covered by commitments. */
  committedShare: Record<string, number>;
  criticalTiers: string[];
  /** Days each scheduled run ingests, ending today (today by the hour). */
  ingestDays: number;
  /** Days before today loaded once for a cluster that has no complete day among them. */
  initialDays: number;
  /** Days before today whose hourly usage recommendations are worked out from. */
  recommendationDays: number;
};

const DEFAULT_SCHEDULE = {
  frequency: { minutes: 60 } as HumanDuration,
  timeout: { minutes: 15 } as HumanDuration,
  initialDelay: { seconds: 30 } as HumanDuration,
};

export function readCostSettings(config: Config): CostSettings {
  const cost = config.getOptionalConfig('scaling.cost');
  const regions = cost?.getOptionalConfig('pricing.regions');
  const discounts: Record<string, RegionDiscounts> = {};
  for (const region of regions?.keys() ?? []) {
    discounts[region] = {
      spotDiscount: regions!.getOptionalNumber(`${region}.spotDiscount`) ?? 0,
      reservedDiscount:
        regions!.getOptionalNumber(`${region}.reservedDiscount`) ?? 0,
    };
  }
  const committedShare: Record<string, number> = {};
  for (const commitment of cost?.getOptionalConfigArray(
    'pricing.commitments',
  ) ?? []) {
    const region = commitment.getString('region');
    committedShare[region] = Math.min(
      1,
      (committedShare[region] ?? 0) + commitment.getNumber('share'),
    );
  }
  return {
    currency: cost?.getOptionalString('currency') ?? 'USD',
    discounts,
    committedShare,
    criticalTiers: cost?.getOptionalStringArray(
      'recommendations.criticalTiers',
    ) ?? ['critical'],
    ingestDays: cost?.getOptionalNumber('ingestion.days') ?? 2,
    initialDays: readDays(cost, 'ingestion.initialDays', 30, {
      min: 0,
      max: 366,
    }),
    recommendationDays: readDays(cost, 'recommendations.days', 14, {
      min: 1,
      max: 90,
    }),
  };
}

function readDays(
  cost: Config | undefined,
  key: string,
  fallback: number,
  range: { min: number; max: number },
): number {
  const days = cost?.getOptionalNumber(key) ?? fallback;
  if (!Number.isInteger(days) || days < range.min || days > range.max) {
    throw new Error(
      `scaling.cost.${key} must be a whole number of days from ${range.min} to ${range.max}, got ${days}`,
    );
  }
  return days;
}

export function readCostIngestionSchedule(config: Config) {
  const schedule = config.getOptionalConfig('scaling.cost.ingestion.schedule');
  return schedule
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(schedule)
    : DEFAULT_SCHEDULE;
}
