import Typography from '@material-ui/core/Typography';
import { CostSavingsSummary } from '@meschain/backstage-plugin-scaling-common';
import { formatCost, formatCostWindow } from './costFormat';

/** The projected savings of every recommendation, and the usage they were derived from. */
export function CostSavings(props: {
  cost: { savings: CostSavingsSummary; currency: string };
}) {
  const { savings, currency } = props.cost;
  const window = savings.window;
  if (savings.count === 0) {
    return (
      <Typography variant="body2">
        No savings proposed from the hourly usage of {formatCostWindow(window)}
      </Typography>
    );
  }
  return (
    <Typography variant="body2">
      {savings.count}{' '}
      {savings.count === 1 ? 'recommendation' : 'recommendations'} would save{' '}
      <strong>{formatCost(savings.monthly, currency)} a month</strong> (
      {formatCost(savings.annual, currency)} a year), projected from the hourly
      usage of {formatCostWindow(window)}
    </Typography>
  );
}
