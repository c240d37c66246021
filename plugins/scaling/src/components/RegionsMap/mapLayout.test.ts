import {
  MapRegion,
  MAX_MARKER_RADIUS,
  MIN_MARKER_RADIUS,
  drArcs,
  placeRegions,
} from './mapLayout';
import { createWorldProjection } from './worldGeometry';

const region = (overrides: Partial<MapRegion> & { id: string }): MapRegion => ({
  displayName: overrides.id,
  latitude: 0,
  longitude: 0,
  health: 'healthy',
  capacityCores: 0,
  ...overrides,
});

describe('placeRegions', () => {
  const projection = createWorldProjection(960, 480);

  it('puts regions where their coordinates are: west is left, north is up', () => {
    const [dublin, frankfurt, ankara, singapore] = placeRegions(
      [
        region({ id: 'eu-west', latitude: 53.35, longitude: -6.26 }),
        region({ id: 'eu-central', latitude: 50.11, longitude: 8.68 }),
        region({ id: 'tr-central', latitude: 39.93, longitude: 32.86 }),
        region({ id: 'ap-southeast', latitude: 1.35, longitude: 103.82 }),
      ],
      projection,
    );
    expect(dublin.x).toBeLessThan(frankfurt.x);
    expect(frankfurt.x).toBeLessThan(ankara.x);
    expect(ankara.x).toBeLessThan(singapore.x);
    expect(dublin.y).toBeLessThan(frankfurt.y);
    expect(ankara.y).toBeLessThan(singapore.y);
    // The equator crosses the middle of the map.
    expect(singapore.y).toBeCloseTo(240 - (1.35 / 90) * 240, -1);
  });

  it('sizes markers so that their area follows allocatable capacity', () => {
    const [big, quarter, empty] = placeRegions(
      [
        region({ id: 'big', capacityCores: 64 }),
        region({ id: 'quarter', capacityCores: 16 }),
        region({ id: 'empty', capacityCores: 0 }),
      ],
      projection,
    );
    expect(big.radius).toBe(MAX_MARKER_RADIUS);
    expect(quarter.radius).toBe(
      MIN_MARKER_RADIUS + (MAX_MARKER_RADIUS - MIN_MARKER_RADIUS) / 2,
    );
    expect(empty.radius).toBe(MIN_MARKER_RADIUS);
  });
});

describe('drArcs', () => {
  it('draws an arc for each region whose partner is on the map', () => {
    const placed = placeRegions(
      [
        region({ id: 'tr-central', drRegion: 'eu-central', longitude: 32 }),
        region({ id: 'eu-central', drRegion: 'tr-central', longitude: 8 }),
        region({ id: 'us-east', drRegion: 'us-west' }),
      ],
      createWorldProjection(960, 480),
    );
    expect(drArcs(placed).map(arc => `${arc.from.id}>${arc.to.id}`)).toEqual([
      'tr-central>eu-central',
      'eu-central>tr-central',
    ]);
  });
});
