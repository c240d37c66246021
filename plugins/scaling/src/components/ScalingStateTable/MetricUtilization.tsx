import { LinearGauge } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  AutoscalerMetricState,
  AutoscalerMetricValue,
  quantityToMilli,
} from '@meschain/backstage-plugin-scaling-common';
import { formatMetricQuantity, formatQuantity } from '../../format';

function metricLabel(metric: AutoscalerMetricState): string {
  return metric.container
    ? `${metric.name} (${metric.container})`
    : metric.name;
}

/** A utilization as a percentage, any other value in the unit the metric's name implies. */
function formatValue(
  value: AutoscalerMetricValue | undefined,
  metricName: string,
): string {
  if (!value) {
    return '—';
  }
  if (value.averageUtilization !== undefined) {
    return formatQuantity(value.averageUtilization, 'percent');
  }
  const quantity = value.averageValue ?? value.value;
  return quantity === undefined
    ? '—'
    : formatMetricQuantity(quantity, metricName);
}

function numeric(value: AutoscalerMetricValue): number | undefined {
  if (value.averageUtilization !== undefined) {
    return value.averageUtilization;
  }
  const quantity = value.averageValue ?? value.value;
  if (quantity === undefined) {
    return undefined;
  }
  try {
    return quantityToMilli(quantity);
  } catch {
    return undefined;
  }
}

/** Current over target; above 1 the HPA wants more pods. */
function ratio(metric: AutoscalerMetricState): number | undefined {
  const target = numeric(metric.target);
  const current = metric.current && numeric(metric.current);
  if (current === undefined || !target) {
    return undefined;
  }
  return current / target;
}

/** One HPA metric: its current value against its target, as a bar. */
export function MetricUtilization({
  metric,
}: {
  metric: AutoscalerMetricState;
}) {
  const share = ratio(metric);
  const label = `${metricLabel(metric)}: ${formatValue(
    metric.current,
    metric.name,
  )} of ${formatValue(metric.target, metric.name)} target`;
  return (
    <Box minWidth={160} mb={0.5}>
      <Typography variant="caption" component="div">
        {label}
      </Typography>
      {share !== undefined && (
        <Box aria-label={label} role="img">
          <LinearGauge
            value={Math.min(share, 1)}
            getColor={({ palette }) =>
              share > 1 ? palette.status.warning : palette.status.ok
            }
          />
        </Box>
      )}
    </Box>
  );
}
