import {
  RegionFacts,
  RegionsOverview,
  ServiceDrReadiness,
} from '@meschain/backstage-plugin-scaling-common';

/** Owner and system to narrow the page to; absent means any. */
export type RegionsFilter = { owner?: string; system?: string };

type Owned = { owner?: string; system?: string };

function matches(item: Owned, filter: RegionsFilter): boolean {
  return (
    (!filter.owner || item.owner === filter.owner) &&
    (!filter.system || item.system === filter.system)
  );
}

/** A region with only the services the filter keeps. */
export type FilteredRegion = RegionFacts & { matchesFilter: boolean };

/** The regions with their services narrowed to the filter, and the DR entries likewise. */
export function filterOverview(
  overview: RegionsOverview,
  filter: RegionsFilter,
): { regions: FilteredRegion[]; dr: ServiceDrReadiness[] } {
  const active = Boolean(filter.owner || filter.system);
  const regions = overview.regions.map(facts => {
    const services = facts.services.filter(s => matches(s, filter));
    return {
      ...facts,
      services,
      matchesFilter: !active || services.length > 0,
    };
  });
  return {
    regions,
    dr: overview.dr.services.filter(s => matches(s, filter)),
  };
}

/** The distinct owners and systems of the services, sorted, for the filter menus. */
export function filterChoices(overview: RegionsOverview): {
  owners: string[];
  systems: string[];
} {
  const owners = new Set<string>();
  const systems = new Set<string>();
  for (const facts of overview.regions) {
    for (const service of facts.services) {
      if (service.owner) owners.add(service.owner);
      if (service.system) systems.add(service.system);
    }
  }
  return { owners: [...owners].sort(), systems: [...systems].sort() };
}
