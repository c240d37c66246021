import { EntityRefLink } from '@backstage/plugin-catalog-react';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import HealingIcon from '@material-ui/icons/LocalHospital';
import PlaylistAddCheckIcon from '@material-ui/icons/PlaylistAddCheck';
import {
  CSSProperties,
  HTMLAttributes,
  forwardRef,
  memo,
  useMemo,
} from 'react';
import { FixedSizeList, ListChildComponentProps, areEqual } from 'react-window';
import {
  FleetCell,
  FleetService,
} from '@meschain/backstage-plugin-scaling-common';
import { FleetCellView } from './FleetCellView';
import { serviceName } from './fleetFormat';

/** The height of a service's row; the list renders only the rows in view. */
export const FLEET_ROW_HEIGHT = 96;

/** The most the grid grows to before it scrolls, when the window says nothing. */
const DEFAULT_GRID_HEIGHT = 640;

const SERVICE_COLUMN_WIDTH = 240;
const REGION_COLUMN_WIDTH = 200;

const useStyles = makeStyles(theme => ({
  scroller: { overflowX: 'auto' },
  row: {
    display: 'grid',
    borderBottom: `1px solid ${theme.palette.divider}`,
    boxSizing: 'border-box',
  },
  header: {
    position: 'relative',
    fontWeight: theme.typography.fontWeightBold as number,
    padding: theme.spacing(1),
    whiteSpace: 'nowrap',
  },
  cell: {
    padding: theme.spacing(0.5, 1),
    overflow: 'hidden',
    borderLeft: `1px solid ${theme.palette.divider}`,
  },
  serviceCell: {
    padding: theme.spacing(0.5, 1),
    overflow: 'hidden',
    display: 'flex',
    flexDirection: 'column',
  },
  serviceName: {
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  absent: { color: theme.palette.text.primary, fontStyle: 'italic' },
  visuallyHidden: {
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
}));

/** What the grid's buttons open, for a service or one of its cells. */
export interface FleetGridActions {
  onScale: (service: FleetService, cell: FleetCell) => void;
  onCellHealth: (service: FleetService, cell: FleetCell) => void;
  onServiceHealth: (service: FleetService) => void;
  onApplyPreset: (service: FleetService) => void;
}

interface RowData {
  services: FleetService[];
  regions: string[];
  columns: string;
  currency: string;
  actions: FleetGridActions;
}

function ServiceHeader(props: {
  service: FleetService;
  actions: FleetGridActions;
}) {
  const { service, actions } = props;
  const classes = useStyles();
  const name = serviceName(service);
  const details = [
    service.tier,
    service.owner?.replace(/^group:(default\/)?/, ''),
  ]
    .filter(Boolean)
    .join(' · ');
  // The row header holds the name alone, so that the row is named by it;
  // the service's details and actions sit in the next cell, in the same column.
  return (
    <div className={classes.serviceCell}>
      <div role="rowheader" className={classes.serviceName} title={name}>
        <EntityRefLink
          entityRef={service.entityRef}
          defaultKind="component"
          title={name}
        />
      </div>
      <div role="cell">
        <Typography
          variant="caption"
          component="div"
          className={classes.serviceName}
          title={details}
        >
          {details}
        </Typography>
        <Tooltip title={`Health check of ${name}`}>
          <IconButton
            size="small"
            aria-label={`Health check of ${name}`}
            onClick={() => actions.onServiceHealth(service)}
          >
            <HealingIcon fontSize="small" />
          </IconButton>
        </Tooltip>
        <Tooltip title={`Apply a preset to ${name}`}>
          <IconButton
            size="small"
            aria-label={`Apply a preset to ${name}`}
            onClick={() => actions.onApplyPreset(service)}
          >
            <PlaylistAddCheckIcon fontSize="small" />
          </IconButton>
        </Tooltip>
      </div>
    </div>
  );
}

const FleetRow = memo(function FleetRowView(
  props: ListChildComponentProps<RowData>,
) {
  const { index, style, data } = props;
  const classes = useStyles();
  const service = data.services[index];
  const name = serviceName(service);
  const cells = new Map(service.regions.map(cell => [cell.region, cell]));
  const rowStyle: CSSProperties = {
    ...style,
    gridTemplateColumns: data.columns,
  };
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className={classes.row}
      style={rowStyle}
      data-entity-ref={service.entityRef}
    >
      <ServiceHeader service={service} actions={data.actions} />
      {data.regions.map(region => {
        const cell = cells.get(region);
        return (
          <div
            role="cell"
            key={region}
            className={classes.cell}
            data-region={region}
          >
            {cell ? (
              <FleetCellView
                cell={cell}
                serviceName={name}
                currency={data.currency}
                actions={{
                  onScale: () => data.actions.onScale(service, cell),
                  onHealth: () => data.actions.onCellHealth(service, cell),
                }}
              />
            ) : (
              <Typography variant="body2" className={classes.absent}>
                Not deployed
              </Typography>
            )}
          </div>
        );
      })}
    </div>
  );
},
areEqual);

/** The list's inner element: the row group of the table, as tall as every row. */
const RowGroup = forwardRef<HTMLDivElement, HTMLAttributes<HTMLDivElement>>(
  function RowGroupElement(props, ref) {
    return <div ref={ref} role="rowgroup" {...props} />;
  },
);

function gridHeight(rows: number): number {
  const available =
    typeof window === 'undefined' || !window.innerHeight
      ? DEFAULT_GRID_HEIGHT
      : Math.max(400, window.innerHeight - 280);
  return Math.min(rows * FLEET_ROW_HEIGHT, available);
}

/**
 * Services by region: a row per service, a column per region. Only the rows
 * in view are in the page, so a fleet of thousands renders at once.
 */
export function FleetGrid(props: {
  services: FleetService[];
  regions: string[];
  currency: string;
  actions: FleetGridActions;
  /** The list's height; by default as much of the window as it needs. */
  height?: number;
}) {
  const { services, regions, currency, actions } = props;
  const classes = useStyles();
  const columns = `${SERVICE_COLUMN_WIDTH}px repeat(${regions.length}, minmax(${REGION_COLUMN_WIDTH}px, 1fr))`;
  const minWidth = SERVICE_COLUMN_WIDTH + regions.length * REGION_COLUMN_WIDTH;
  const itemData = useMemo<RowData>(
    () => ({ services, regions, columns, currency, actions }),
    [services, regions, columns, currency, actions],
  );
  return (
    <div className={classes.scroller}>
      <div
        role="table"
        aria-label="Fleet"
        aria-rowcount={services.length + 1}
        aria-colcount={regions.length + 2}
        style={{ minWidth }}
      >
        <div role="rowgroup">
          <div
            role="row"
            aria-rowindex={1}
            className={classes.row}
            style={{ gridTemplateColumns: columns }}
          >
            <div className={classes.header}>
              <div role="columnheader">Service</div>
              <div role="columnheader" className={classes.visuallyHidden}>
                Owner, tier and actions
              </div>
            </div>
            {regions.map(region => (
              <div role="columnheader" key={region} className={classes.header}>
                {region}
              </div>
            ))}
          </div>
        </div>
        <FixedSizeList<RowData>
          height={props.height ?? gridHeight(services.length)}
          width="100%"
          itemCount={services.length}
          itemSize={FLEET_ROW_HEIGHT}
          itemData={itemData}
          itemKey={(index, data) => data.services[index].entityRef}
          innerElementType={RowGroup}
          overscanCount={4}
        >
          {FleetRow}
        </FixedSizeList>
      </div>
    </div>
  );
}
