import Typography from '@material-ui/core/Typography';
import {
  CostChange,
  CostWindow,
  IncompleteCostDay,
} from '@meschain/backstage-plugin-scaling-common';
import {
  formatCost,
  formatCostDifference,
  formatCostWindow,
} from './costFormat';
import { IncompleteCostDays } from './IncompleteCostDays';

/**
 * A total with its window, its change against the window before, and the
 * days of the window that were not fully ingested.
 */
export function CostTotal(props: {
  label: string;
  cost: {
    total: number;
    currency: string;
    window: CostWindow;
    change: CostChange;
    incomplete: IncompleteCostDay[];
  };
}) {
  const { label, cost } = props;
  const { total, currency, window, change } = cost;
  return (
    <>
      <IncompleteCostDays days={cost.incomplete} />
      <section aria-label={label}>
        <Typography variant="overline">{label}</Typography>
        <Typography variant="h4" component="p">
          {formatCost(total, currency)}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {formatCostWindow(window)}
        </Typography>
        <Typography variant="body2">
          {formatCostDifference(change.absolute, change.ratio, currency)}{' '}
          against {formatCost(change.previousTotal, currency)} in{' '}
          {formatCostWindow(change.previousWindow)}
        </Typography>
      </section>
    </>
  );
}
