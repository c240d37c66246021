import Typography from '@material-ui/core/Typography';
import { OrgCost } from '@meschain/backstage-plugin-scaling-common';
import { formatCost, formatCostDifference, formatMonth } from '../cost';

/** The last complete month of the window against the one before it. */
export function MonthOverMonth(props: { cost: OrgCost }) {
  const { monthOverMonth, currency } = props.cost;
  if (!monthOverMonth) {
    return (
      <Typography variant="body2">
        Month over month: the window holds fewer than two complete months of
        data
      </Typography>
    );
  }
  return (
    <section aria-label="Month over month">
      <Typography variant="overline">Month over month</Typography>
      <Typography variant="body1">
        {formatMonth(monthOverMonth.month)}:{' '}
        {formatCost(monthOverMonth.total, currency)},{' '}
        {formatCostDifference(
          monthOverMonth.absolute,
          monthOverMonth.ratio,
          currency,
        )}{' '}
        against {formatCost(monthOverMonth.previousTotal, currency)} in{' '}
        {formatMonth(monthOverMonth.previousMonth)}
      </Typography>
    </section>
  );
}
