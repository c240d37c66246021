import { makeStyles } from '@material-ui/core';
import { EdgeLocation } from '@meschain/backstage-plugin-scaling-common';
import { healthColors } from './mapLayout';

const useStyles = makeStyles(theme => ({
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(0.5, 2),
    margin: 0,
    padding: theme.spacing(1, 2),
    listStyle: 'none',
    ...theme.typography.caption,
    color: theme.palette.text.secondary,
  },
  item: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.75),
    whiteSpace: 'nowrap',
  },
  arc: { stroke: theme.palette.secondary.main },
}));

/** @internal The colours of the edge locations' dots, by kind. */
export const edgeColors: Record<EdgeLocation['kind'], string> = {
  'cdn-pop': '#1976d2',
  'edge-compute': '#8e24aa',
};

const edgeLabels: Record<EdgeLocation['kind'], string> = {
  'cdn-pop': 'CDN point of presence',
  'edge-compute': 'edge compute',
};

function Dot(props: { color: string; size?: number }) {
  const size = props.size ?? 12;
  return (
    <svg width={size} height={size} aria-hidden="true">
      <circle cx={size / 2} cy={size / 2} r={size / 2} fill={props.color} />
    </svg>
  );
}

/** What the map's colours, sizes and lines mean. */
export function MapLegend(props: { showEdgeLocations: boolean }) {
  const classes = useStyles();
  return (
    <ul className={classes.legend} aria-label="Map legend">
      {Object.entries(healthColors).map(([health, color]) => (
        <li key={health} className={classes.item}>
          <Dot color={color} />
          {`Region ${health}`}
        </li>
      ))}
      <li className={classes.item}>
        <svg width={24} height={12} aria-hidden="true">
          <line
            x1={0}
            y1={6}
            x2={24}
            y2={6}
            className={classes.arc}
            strokeWidth={1.5}
            strokeDasharray="4 3"
          />
        </svg>
        Fails over to its DR region
      </li>
      <li className={classes.item}>
        <Dot color={healthColors.unknown} size={8} />
        <Dot color={healthColors.unknown} size={14} />
        Size: CPU capacity
      </li>
      {props.showEdgeLocations &&
        Object.entries(edgeColors).map(([kind, color]) => (
          <li key={kind} className={classes.item}>
            <Dot color={color} size={6} />
            {edgeLabels[kind as EdgeLocation['kind']]}
          </li>
        ))}
    </ul>
  );
}
