import { RegionFacts } from '@meschain/backstage-plugin-scaling-common';
import { MapRegion } from '../RegionsMap';

/** The regions that have coordinates, as the map draws them. */
export function toMapRegions(
  regions: Array<RegionFacts & { matchesFilter?: boolean }>,
): MapRegion[] {
  return regions.flatMap(({ region, health, capacity, matchesFilter }) =>
    region.latitude === undefined || region.longitude === undefined
      ? []
      : [
          {
            id: region.id,
            displayName: region.displayName,
            latitude: region.latitude,
            longitude: region.longitude,
            health,
            capacityCores: capacity.allocatable.cpuCores,
            drRegion: region.drRegion,
            matchesFilter,
          },
        ],
  );
}
