import Typography from '@material-ui/core/Typography';
import {
  CostChange,
  CostWindow,
} from '@meschain/backstage-plugin-scaling-common';
import {
  formatCost,
  formatCostDifference,
  formatCostWindow,
} from './costFormat';

/** A total with its window, and its change against the window before. */
export function CostTotal(props: {
  label: string;
  total: number;
  currency: string;
  window: CostWindow;
  change: CostChange;
}) {
  const { label, total, currency, window, change } = props;
  return (
    <section aria-label={label}>
      <Typography variant="overline">{label}</Typography>
      <Typography variant="h4" component="p">
        {formatCost(total, currency)}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {formatCostWindow(window)}
      </Typography>
      <Typography variant="body2">
        {formatCostDifference(change.absolute, change.ratio, currency)} against{' '}
        {formatCost(change.previousTotal, currency)} in{' '}
        {formatCostWindow(change.previousWindow)}
      </Typography>
    </section>
  );
}
