import { Config } from '@backstage/config';
import {
  EdgeLocation,
  EdgeLocationKind,
  Region,
  RegionRole,
} from '@meschain/backstage-plugin-scaling-common';

const REGION_ROLES: RegionRole[] = ['primary', 'dr'];
const EDGE_LOCATION_KINDS: EdgeLocationKind[] = ['cdn-pop', 'edge-compute'];

/** The regions and edge locations of `scaling.regions` and `scaling.edgeLocations`. */
export type RegionsConfig = {
  regions: Region[];
  edgeLocations: EdgeLocation[];
};

/** Collects every problem of the config, each naming its key, so that one start-up shows them all. */
class ProblemList {
  readonly problems: string[] = [];

  add(key: string, message: string) {
    this.problems.push(`${key} ${message}`);
  }

  /** Reads a value with Backstage's type checks, recording a wrong type instead of throwing. */
  read<T>(key: string, read: () => T): T | undefined {
    try {
      return read();
    } catch (error) {
      this.add(key, `is invalid: ${(error as Error).message}`);
      return undefined;
    }
  }
}

function readCoordinates(
  entry: Config,
  key: string,
  problems: ProblemList,
): { latitude?: number; longitude?: number } {
  const coordinate = (field: 'latitude' | 'longitude', limit: number) => {
    const value = problems.read(`${key}.${field}`, () =>
      entry.getOptionalNumber(field),
    );
    if (value === undefined) {
      problems.add(`${key}.${field}`, 'is missing');
    } else if (Math.abs(value) > limit) {
      problems.add(
        `${key}.${field}`,
        `must be between -${limit} and ${limit}, got ${value}`,
      );
    }
    return value;
  };
  return {
    latitude: coordinate('latitude', 90),
    longitude: coordinate('longitude', 180),
  };
}

function requiredString(
  entry: Config,
  key: string,
  field: string,
  problems: ProblemList,
): string {
  const value = problems.read(`${key}.${field}`, () =>
    entry.getOptionalString(field),
  );
  if (!value) {
    problems.add(`${key}.${field}`, 'is missing');
  }
  return value ?? '';
}

function readRegion(entry: Config, key: string, problems: ProblemList): Region {
  const id = requiredString(entry, key, 'id', problems);
  const role = (entry.getOptionalString('role') ?? 'primary') as RegionRole;
  if (!REGION_ROLES.includes(role)) {
    problems.add(
      `${key}.role`,
      `must be one of ${REGION_ROLES.join(', ')}, got '${role}'`,
    );
  }
  const pricing = entry.getOptionalConfig('pricing');
  const price = (field: string) => {
    const value = problems.read(`${key}.pricing.${field}`, () =>
      pricing?.getNumber(field),
    );
    if (value !== undefined && value < 0) {
      problems.add(`${key}.pricing.${field}`, `must not be negative`);
    }
    return value ?? 0;
  };
  const clusters =
    problems.read(`${key}.clusters`, () =>
      entry.getOptionalStringArray('clusters'),
    ) ?? [];
  if (clusters.length === 0) {
    problems.add(`${key}.clusters`, 'must name at least one cluster');
  }
  return {
    id,
    displayName: entry.getOptionalString('displayName') ?? id,
    role,
    drRegion: entry.getOptionalString('drPartner'),
    provider: entry.getOptionalString('provider'),
    providerRegion: entry.getOptionalString('providerRegion'),
    location: entry.getOptionalString('location'),
    ...readCoordinates(entry, key, problems),
    latencyMs: problems.read(`${key}.latencyMs`, () =>
      entry.getOptionalNumber('latencyMs'),
    ),
    pricing: pricing && {
      currency: pricing.getOptionalString('currency') ?? 'USD',
      cpuCoreHour: price('cpuCoreHour'),
      memoryGiBHour: price('memoryGiBHour'),
    },
    clusters,
  };
}

function readEdgeLocation(
  entry: Config,
  key: string,
  problems: ProblemList,
): EdgeLocation {
  const kind = requiredString(entry, key, 'kind', problems) as EdgeLocationKind;
  if (kind && !EDGE_LOCATION_KINDS.includes(kind)) {
    problems.add(
      `${key}.kind`,
      `must be one of ${EDGE_LOCATION_KINDS.join(', ')}, got '${kind}'`,
    );
  }
  const { latitude, longitude } = readCoordinates(entry, key, problems);
  return {
    id: requiredString(entry, key, 'id', problems),
    kind,
    city: requiredString(entry, key, 'city', problems),
    country: requiredString(entry, key, 'country', problems),
    latitude: latitude ?? 0,
    longitude: longitude ?? 0,
    region: entry.getOptionalString('region'),
  };
}

function reportDuplicateIds(
  items: Array<{ id: string }>,
  keyOf: (index: number) => string,
  problems: ProblemList,
) {
  const firstIndex = new Map<string, number>();
  items.forEach(({ id }, index) => {
    const first = firstIndex.get(id);
    if (first === undefined) {
      firstIndex.set(id, index);
    } else if (id) {
      problems.add(
        `${keyOf(index)}.id`,
        `'${id}' duplicates ${keyOf(first)}.id`,
      );
    }
  });
}

/**
 * Reads and validates the region model. Every problem names its config key,
 * e.g. `scaling.regions[3].drPartner`; any problem stops start-up.
 *
 * @throws Error listing every problem found
 */
export function readRegionsConfig(config: Config): RegionsConfig {
  const problems = new ProblemList();
  const regionKey = (index: number) => `scaling.regions[${index}]`;
  const edgeKey = (index: number) => `scaling.edgeLocations[${index}]`;

  const regions = (
    problems.read('scaling.regions', () =>
      config.getOptionalConfigArray('scaling.regions'),
    ) ?? []
  ).map((entry, index) => readRegion(entry, regionKey(index), problems));
  reportDuplicateIds(regions, regionKey, problems);

  const regionIds = new Set(regions.map(region => region.id));
  regions.forEach((region, index) => {
    if (region.drRegion === undefined) {
      return;
    }
    if (!regionIds.has(region.drRegion)) {
      problems.add(
        `${regionKey(index)}.drPartner`,
        `'${region.drRegion}' is not the id of a configured region`,
      );
    } else if (region.drRegion === region.id) {
      problems.add(
        `${regionKey(index)}.drPartner`,
        'must name another region than itself',
      );
    }
  });

  const edgeLocations = (
    problems.read('scaling.edgeLocations', () =>
      config.getOptionalConfigArray('scaling.edgeLocations'),
    ) ?? []
  ).map((entry, index) => readEdgeLocation(entry, edgeKey(index), problems));
  reportDuplicateIds(edgeLocations, edgeKey, problems);
  edgeLocations.forEach((location, index) => {
    if (location.region !== undefined && !regionIds.has(location.region)) {
      problems.add(
        `${edgeKey(index)}.region`,
        `'${location.region}' is not the id of a configured region`,
      );
    }
  });

  if (problems.problems.length > 0) {
    throw new Error(`Invalid region config: ${problems.problems.join('; ')}`);
  }
  return { regions, edgeLocations };
}
