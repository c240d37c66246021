import { GeoProjection, geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import land110m from 'world-atlas/land-110m.json';

const topology = land110m as unknown as Parameters<typeof feature>[0];

/** The land masses at 1:110m, bundled with the app: the map needs no tile server. */
export const worldLand = feature(topology, topology.objects.land);

/** A Natural Earth projection of the whole sphere fitted into width × height. */
export function createWorldProjection(
  width: number,
  height: number,
): GeoProjection {
  return geoNaturalEarth1().fitSize([width, height], { type: 'Sphere' });
}

/** The SVG path of the land and of the sphere's outline for a projection. */
export function drawWorld(projection: GeoProjection): {
  land: string;
  sphere: string;
} {
  const path = geoPath(projection);
  return {
    land: path(worldLand) ?? '',
    sphere: path({ type: 'Sphere' }) ?? '',
  };
}
