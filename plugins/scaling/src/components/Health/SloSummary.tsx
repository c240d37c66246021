import { StatusError, StatusOK } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { SloStatus } from '@meschain/backstage-plugin-scaling-common';
import { formatNumber } from '../../format';
import { CompactTable } from '../CompactTable';

function ErrorBudget(props: { remaining: number }) {
  const left = Math.max(0, Math.min(1, props.remaining));
  const text =
    left > 0
      ? `${formatNumber(left * 100)} % of the error budget left`
      : 'The error budget is spent';
  return (
    <Box my={2}>
      <Typography variant="body2" id="scaling-slo-budget">
        {text}
      </Typography>
      <LinearProgress
        variant="determinate"
        value={left * 100}
        color={left <= 0.25 ? 'secondary' : 'primary'}
        aria-labelledby="scaling-slo-budget"
      />
    </Box>
  );
}

function FiringAlerts(props: { firing: SloStatus['firing'] }) {
  if (props.firing.length === 0) {
    return (
      <Typography variant="body2" component="span">
        <span style={{ display: 'inline-flex', alignItems: 'baseline' }}>
          <StatusOK />
          <span>No burn-rate alert is firing</span>
        </span>
      </Typography>
    );
  }
  return (
    <List dense disablePadding aria-label="Firing burn-rate alerts">
      {props.firing.map(alert => (
        <ListItem key={`${alert.longWindow}-${alert.shortWindow}`}>
          <ListItemText
            primary={
              <span style={{ display: 'inline-flex', alignItems: 'baseline' }}>
                <StatusError />
                <span>
                  {`Firing (${alert.severity}): burn rate above ${formatNumber(
                    alert.factor,
                  )}× over ${alert.longWindow} and ${alert.shortWindow}`}
                </span>
              </span>
            }
          />
        </ListItem>
      ))}
    </List>
  );
}

/**
 * The service's objectives, the share of its error budget left, how fast
 * each window burns it (1× spends it exactly over the SLO window) and the
 * multi-window burn-rate alerts that fire.
 */
export function SloSummary(props: { slo: SloStatus }) {
  const { slo } = props;
  return (
    <>
      <Typography variant="body2">
        {`Availability ${
          slo.availability
        } % and p95 latency under ${formatNumber(slo.latencyP95Ms)} ms, over ${
          slo.windowDays
        } days`}
      </Typography>
      {slo.error && (
        <Typography variant="body2" role="status">
          {`Partial figures: ${slo.error}`}
        </Typography>
      )}
      <ErrorBudget remaining={slo.errorBudgetRemaining} />
      <CompactTable
        label="Burn rates"
        columns={[
          { title: 'Window', cell: row => row.window },
          {
            title: 'Burn rate',
            align: 'right',
            cell: row =>
              row.rate === null ? 'no data' : `${formatNumber(row.rate)}×`,
          },
        ]}
        rows={slo.burnRates}
        rowKey={row => row.window}
      />
      <Box mt={2}>
        <FiringAlerts firing={slo.firing} />
      </Box>
    </>
  );
}
