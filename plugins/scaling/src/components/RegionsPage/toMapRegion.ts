import { RegionFacts } from '@meschain/backstage-plugin-scaling-common';
import { MapRegion, toMapRegion } from '../RegionsMap';

/** The regions that have coordinates, as the map draws them. */
export function toMapRegions(
  regions: Array<RegionFacts & { matchesFilter?: boolean }>,
): MapRegion[] {
  return regions.flatMap(({ region, health, capacity, matchesFilter }) =>
    toMapRegion(region, {
      health,
      capacityCores: capacity.allocatable.cpuCores,
      matchesFilter,
    }),
  );
}
