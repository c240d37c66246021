import { makeStyles } from '@material-ui/core';
import { EdgeLocation } from '@meschain/backstage-plugin-scaling-common';
import { KeyboardEvent, memo, useMemo } from 'react';
import {
  MapRegion,
  PlacedRegion,
  drArcs,
  healthColors,
  placeRegions,
} from './mapLayout';
import { createWorldProjection, drawWorld } from './worldGeometry';
import { MapLegend, edgeColors } from './MapLegend';

const useStyles = makeStyles(theme => ({
  svg: { width: '100%', height: 'auto', display: 'block' },
  sphere: { fill: theme.palette.type === 'dark' ? '#1a2733' : '#e8f1f8' },
  land: {
    fill: theme.palette.type === 'dark' ? '#3c4a57' : '#cfd8dc',
    stroke: theme.palette.background.paper,
    strokeWidth: 0.5,
  },
  arc: {
    fill: 'none',
    stroke: theme.palette.secondary.main,
    strokeWidth: 1.5,
    strokeDasharray: '4 3',
  },
  marker: { cursor: 'pointer', outline: 'none' },
  selected: { stroke: theme.palette.text.primary, strokeWidth: 3 },
  edge: { stroke: 'none' },
}));

type Projection = ReturnType<typeof createWorldProjection>;

// Hundreds of points that change only with the data: kept out of the
// re-renders a selection or hover causes.
const EdgeLayer = memo(function EdgeLocationsLayer(props: {
  edgeLocations: EdgeLocation[];
  projection: Projection;
  className: string;
}) {
  return (
    <g data-testid="edge-locations">
      {props.edgeLocations.map(location => {
        const point = props.projection([location.longitude, location.latitude]);
        return point ? (
          <circle
            key={location.id}
            className={props.className}
            cx={point[0]}
            cy={point[1]}
            r={2}
            fill={edgeColors[location.kind]}
            data-edge-kind={location.kind}
          >
            <title>{`${location.city}, ${location.country} (${location.kind})`}</title>
          </circle>
        ) : null;
      })}
    </g>
  );
});

function RegionMarker(props: {
  region: PlacedRegion;
  selected: boolean;
  onSelect?: (regionId: string) => void;
}) {
  const classes = useStyles();
  const { region, selected, onSelect } = props;
  const select = () => onSelect?.(region.id);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      select();
    }
  };
  return (
    <g
      role="button"
      tabIndex={0}
      aria-label={`${region.displayName} (${region.id}), ${region.health}`}
      aria-pressed={selected}
      className={classes.marker}
      onClick={select}
      onKeyDown={onKeyDown}
      data-region-id={region.id}
      opacity={region.matchesFilter === false ? 0.3 : 1}
    >
      <circle
        cx={region.x}
        cy={region.y}
        r={region.radius}
        fill={healthColors[region.health]}
        fillOpacity={0.85}
        className={selected ? classes.selected : undefined}
      />
      <title>{`${region.displayName}: ${region.health}`}</title>
    </g>
  );
}

/** @public A world map of regions, their DR pairings and optionally the edge locations; drawn offline. */
export function RegionsMap(props: {
  regions: MapRegion[];
  edgeLocations?: EdgeLocation[];
  selectedRegionId?: string;
  onSelectRegion?: (regionId: string) => void;
  /** The SVG's coordinate width; it scales to its container. */
  width?: number;
  title?: string;
}) {
  const classes = useStyles();
  const width = props.width ?? 960;
  const height = Math.round(width / 2);
  const projection = useMemo(
    () => createWorldProjection(width, height),
    [width, height],
  );
  const world = useMemo(() => drawWorld(projection), [projection]);
  const placed = useMemo(
    () => placeRegions(props.regions, projection),
    [props.regions, projection],
  );
  const arcs = useMemo(() => drArcs(placed), [placed]);

  return (
    <>
      <svg
        className={classes.svg}
        viewBox={`0 0 ${width} ${height}`}
        role="group"
        aria-label={props.title ?? 'World map of regions'}
      >
        <path className={classes.sphere} d={world.sphere} />
        <path className={classes.land} d={world.land} />
        {props.edgeLocations && (
          <EdgeLayer
            edgeLocations={props.edgeLocations}
            projection={projection}
            className={classes.edge}
          />
        )}
        <g data-testid="dr-arcs">
          {arcs.map(arc => (
            <path
              key={`${arc.from.id}-${arc.to.id}`}
              className={classes.arc}
              d={arc.path}
              data-from={arc.from.id}
              data-to={arc.to.id}
            >
              <title>{`${arc.from.displayName} fails over to ${arc.to.displayName}`}</title>
            </path>
          ))}
        </g>
        {placed.map(region => (
          <RegionMarker
            key={region.id}
            region={region}
            selected={region.id === props.selectedRegionId}
            onSelect={props.onSelectRegion}
          />
        ))}
      </svg>
      <MapLegend showEdgeLocations={Boolean(props.edgeLocations)} />
    </>
  );
}
