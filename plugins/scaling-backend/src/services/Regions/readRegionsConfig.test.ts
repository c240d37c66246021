import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { readRegionsConfig } from './readRegionsConfig';

const region = (id: string, extra: JsonObject = {}): JsonObject => ({
  id,
  latitude: 50,
  longitude: 8,
  clusters: [`meschain-${id}`],
  ...extra,
});

const read = (scaling: JsonObject) =>
  readRegionsConfig(new ConfigReader({ scaling }));

describe('readRegionsConfig', () => {
  it('reads regions with their partner, prices and clusters, and edge locations', () => {
    const result = read({
      regions: [
        region('eu-west', {
          displayName: 'EU West',
          drPartner: 'eu-central',
          pricing: { cpuCoreHour: 0.03, memoryGiBHour: 0.004 },
          latencyMs: 8.7,
        }),
        region('eu-central', { role: 'dr' }),
      ],
      edgeLocations: [
        {
          id: 'cdn-ist',
          kind: 'cdn-pop',
          city: 'Istanbul',
          country: 'TR',
          latitude: 41,
          longitude: 29,
          region: 'eu-west',
        },
      ],
    });
    expect(result.regions).toEqual([
      expect.objectContaining({
        id: 'eu-west',
        displayName: 'EU West',
        role: 'primary',
        drRegion: 'eu-central',
        pricing: { currency: 'USD', cpuCoreHour: 0.03, memoryGiBHour: 0.004 },
        latencyMs: 8.7,
        clusters: ['meschain-eu-west'],
      }),
      expect.objectContaining({
        id: 'eu-central',
        displayName: 'eu-central',
        role: 'dr',
      }),
    ]);
    expect(result.edgeLocations).toHaveLength(1);
  });

  it('is empty without config', () => {
    expect(read({})).toEqual({ regions: [], edgeLocations: [] });
  });

  it('lists every problem at once, each naming its key', () => {
    expect(() =>
      read({
        regions: [
          region('eu-west', { drPartner: 'eu-west', role: 'secondary' }),
          region('eu-central', { latitude: 95, clusters: [] }),
        ],
        edgeLocations: [
          {
            id: 'e1',
            kind: 'pop',
            city: 'X',
            country: 'TR',
            latitude: 1,
            longitude: 2,
            region: 'mars',
          },
          { id: 'e1', kind: 'cdn-pop', city: 'Y', country: 'TR', longitude: 2 },
        ],
      }),
    ).toThrow(
      [
        "Invalid region config: scaling.regions[0].role must be one of primary, dr, got 'secondary'",
        'scaling.regions[1].clusters must name at least one cluster',
        'scaling.regions[1].latitude must be between -90 and 90, got 95',
        'scaling.regions[0].drPartner must name another region than itself',
        "scaling.edgeLocations[0].kind must be one of cdn-pop, edge-compute, got 'pop'",
        'scaling.edgeLocations[1].latitude is missing',
        "scaling.edgeLocations[1].id 'e1' duplicates scaling.edgeLocations[0].id",
        "scaling.edgeLocations[0].region 'mars' is not the id of a configured region",
      ].join('; '),
    );
  });
});
