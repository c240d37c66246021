import Typography from '@material-ui/core/Typography';
import {
  CostChange,
  CostWindow,
  IncompleteCostDay,
} from '@meschain/backstage-plugin-scaling-common';
import {
  describeCostWindow,
  formatCost,
  formatCostDifference,
  formatCostWindow,
  formatDay,
} from './costFormat';
import { IncompleteCostDays } from './IncompleteCostDays';

/**
 * A total with its window, where its data starts when the window reaches
 * before it, its change against the window before when that window holds
 * data too, and the days of the window that were not fully ingested.
 */
export function CostTotal(props: {
  label: string;
  cost: {
    total: number;
    currency: string;
    window: CostWindow;
    dataStart?: string;
    change?: CostChange;
    incomplete: IncompleteCostDay[];
  };
}) {
  const { label, cost } = props;
  const { total, currency, change, dataStart } = cost;
  return (
    <>
      <IncompleteCostDays days={cost.incomplete} />
      <section aria-label={label}>
        <Typography variant="overline">{label}</Typography>
        <Typography variant="h4" component="p">
          {formatCost(total, currency)}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {describeCostWindow(cost)}
        </Typography>
        <Typography variant="body2">
          {change ? (
            <>
              {formatCostDifference(change.absolute, change.ratio, currency)}{' '}
              against {formatCost(change.previousTotal, currency)} in{' '}
              {formatCostWindow(change.previousWindow)}
            </>
          ) : (
            describeNoComparison(dataStart)
          )}
        </Typography>
      </section>
    </>
  );
}

function describeNoComparison(dataStart: string | undefined): string {
  return dataStart
    ? `Not compared with the window before: cost data starts on ${formatDay(
        dataStart,
      )}`
    : 'No cost data has been ingested yet';
}
