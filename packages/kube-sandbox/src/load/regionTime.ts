/**
 * Standard-time UTC offsets of the MesChain regions, for the diurnal curve. Daylight saving is
 * ignored on purpose: a one-hour shift twice a year would only make seeded runs harder to compare.
 */
const REGION_UTC_OFFSET_HOURS: Record<string, number> = {
  'us-east': -5,
  'us-west': -8,
  'eu-west': 0,
  'eu-central': 1,
  'tr-central': 3,
  'ap-southeast': 8,
  'ap-northeast': 9,
};

export function regionUtcOffsetHours(region: string): number {
  return REGION_UTC_OFFSET_HOURS[region] ?? 0;
}

/** Hour of the day (fractional, 0 ≤ h < 24) at `at` (epoch ms) in the region. */
export function localHourOfDay(at: number, region: string): number {
  const hours = at / 3_600_000 + regionUtcOffsetHours(region);
  return ((hours % 24) + 24) % 24;
}
