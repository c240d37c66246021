import { RegionCatalog } from '@meschain/backstage-plugin-scaling-node';
import { RegionsConfig } from './readRegionsConfig';

/** The regions and edge locations of `scaling.regions` and `scaling.edgeLocations`. */
export function configRegionCatalog(config: RegionsConfig): RegionCatalog {
  return {
    listRegions: async () => config.regions,
    listEdgeLocations: async () => config.edgeLocations,
  };
}
