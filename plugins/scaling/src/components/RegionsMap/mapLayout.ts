import { GeoProjection } from 'd3-geo';
import {
  Region,
  RegionHealth,
} from '@meschain/backstage-plugin-scaling-common';

/** A region as the map draws it. */
export type MapRegion = {
  id: string;
  displayName: string;
  latitude: number;
  longitude: number;
  health: RegionHealth;
  /** Allocatable CPU cores: the marker's area grows with it. */
  capacityCores: number;
  drRegion?: string;
  /** False when filters leave the region with nothing to show; it is drawn faded. */
  matchesFilter?: boolean;
};

/** A region's marker, or none when its configuration gives no coordinates. */
export function toMapRegion(
  region: Region,
  figures: Pick<MapRegion, 'health' | 'capacityCores' | 'matchesFilter'>,
): MapRegion[] {
  const { id, displayName, latitude, longitude, drRegion } = region;
  return latitude === undefined || longitude === undefined
    ? []
    : [{ id, displayName, latitude, longitude, drRegion, ...figures }];
}

/** A marker placed on the map, in SVG coordinates. */
export type PlacedRegion = MapRegion & { x: number; y: number; radius: number };

/** A DR pairing between two placed regions, drawn as an arc. */
export type DrArc = { from: PlacedRegion; to: PlacedRegion; path: string };

export const MIN_MARKER_RADIUS = 4;
export const MAX_MARKER_RADIUS = 16;

/** Projects the regions and sizes their markers so that area follows capacity. */
export function placeRegions(
  regions: MapRegion[],
  projection: GeoProjection,
): PlacedRegion[] {
  const largest = Math.max(0, ...regions.map(r => r.capacityCores));
  return regions.flatMap(region => {
    const point = projection([region.longitude, region.latitude]);
    if (!point) {
      return [];
    }
    const share = largest > 0 ? Math.sqrt(region.capacityCores / largest) : 0;
    const radius =
      MIN_MARKER_RADIUS + share * (MAX_MARKER_RADIUS - MIN_MARKER_RADIUS);
    return [{ ...region, x: point[0], y: point[1], radius }];
  });
}

/**
 * One arc per region whose DR partner is also on the map. A quadratic curve
 * bowed to one side keeps a mutual pairing's two arcs apart.
 */
export function drArcs(placed: PlacedRegion[]): DrArc[] {
  const byId = new Map(placed.map(region => [region.id, region]));
  return placed.flatMap(from => {
    const to = from.drRegion ? byId.get(from.drRegion) : undefined;
    if (!to || to === from) {
      return [];
    }
    const dx = to.x - from.x;
    const dy = to.y - from.y;
    const bow = 0.2;
    const cx = (from.x + to.x) / 2 + dy * bow;
    const cy = (from.y + to.y) / 2 - dx * bow;
    return [
      { from, to, path: `M${from.x},${from.y} Q${cx},${cy} ${to.x},${to.y}` },
    ];
  });
}

export const healthColors: Record<RegionHealth, string> = {
  healthy: '#2e7d32',
  degraded: '#ed6c02',
  down: '#d32f2f',
  unknown: '#757575',
};
