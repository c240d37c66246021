import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import HealingIcon from '@material-ui/icons/LocalHospital';
import TuneIcon from '@material-ui/icons/Tune';
import ErrorIcon from '@material-ui/icons/Error';
import { FleetCell } from '@meschain/backstage-plugin-scaling-common';
import { FleetHealthStatus } from './FleetHealthStatus';
import {
  formatCellCost,
  formatCellDr,
  formatCellHpa,
  formatCellReplicas,
  formatCellRollout,
} from './fleetFormat';

const useStyles = makeStyles(theme => ({
  cell: {
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
    lineHeight: 1.3,
    fontSize: theme.typography.body2.fontSize,
  },
  line: {
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  head: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
  },
  actions: { display: 'flex', flexShrink: 0 },
  error: {
    color: theme.palette.error.main,
    display: 'flex',
    alignItems: 'flex-start',
    gap: 4,
  },
}));

/** A line of a cell, cut short with an ellipsis and shown whole on hover. */
function Line(props: { text: string }) {
  const classes = useStyles();
  return (
    <span className={classes.line} title={props.text}>
      {props.text}
    </span>
  );
}

/** What a cell's buttons act on. */
export interface FleetCellActions {
  onScale: () => void;
  onHealth: () => void;
}

/**
 * One service in one region: health in words, replicas, the HPA against its
 * target, cost per hour, a rollout in progress and the DR verdict; or which
 * region failed and why.
 */
export function FleetCellView(props: {
  cell: FleetCell;
  serviceName: string;
  currency: string;
  actions: FleetCellActions;
}) {
  const { cell, serviceName, currency, actions } = props;
  const classes = useStyles();
  const where = `${serviceName} in ${cell.region}`;
  const buttons = (
    <span className={classes.actions}>
      <Tooltip title={`Health check of ${where}`}>
        <IconButton
          size="small"
          aria-label={`Health check of ${where}`}
          onClick={actions.onHealth}
        >
          <HealingIcon fontSize="small" />
        </IconButton>
      </Tooltip>
      {!cell.error && (
        <Tooltip title={`Scale ${where}`}>
          <IconButton
            size="small"
            aria-label={`Scale ${where}`}
            onClick={actions.onScale}
          >
            <TuneIcon fontSize="small" />
          </IconButton>
        </Tooltip>
      )}
    </span>
  );
  if (cell.error) {
    return (
      <div className={classes.cell}>
        <div className={classes.head}>
          <Typography
            variant="body2"
            component="span"
            className={classes.error}
          >
            <ErrorIcon fontSize="small" aria-hidden />
            {`${cell.region} failed`}
          </Typography>
          {buttons}
        </div>
        <Line text={cell.error} />
      </div>
    );
  }
  const rollout = formatCellRollout(cell);
  const dr = formatCellDr(cell);
  return (
    <div className={classes.cell}>
      <div className={classes.head}>
        <span title={cell.healthSummary}>
          <FleetHealthStatus health={cell.health} />
        </span>
        {buttons}
      </div>
      <Line
        text={`${formatCellReplicas(cell)} · ${formatCellCost(cell, currency)}`}
      />
      <Line text={formatCellHpa(cell)} />
      <Line text={[rollout, dr].filter(Boolean).join(' · ') || '\u00a0'} />
    </div>
  );
}
