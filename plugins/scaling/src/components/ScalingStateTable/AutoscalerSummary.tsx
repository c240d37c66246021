import {
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import {
  AutoscalerCondition,
  AutoscalerState,
} from '@meschain/backstage-plugin-scaling-common';
import { MetricUtilization } from './MetricUtilization';

// ScalingLimited is healthy when False: the HPA is not pinned at a bound.
function isHealthy(condition: AutoscalerCondition): boolean {
  return condition.type === 'ScalingLimited'
    ? condition.status === 'False'
    : condition.status === 'True';
}

function ConditionStatus({ condition }: { condition: AutoscalerCondition }) {
  const text = `${condition.type}${
    condition.reason ? `: ${condition.reason}` : ''
  }`;
  let status = <StatusWarning>{text}</StatusWarning>;
  if (condition.status === 'Unknown') {
    status = <StatusError>{text}</StatusError>;
  } else if (isHealthy(condition)) {
    status = <StatusOK>{text}</StatusOK>;
  }
  return (
    <Tooltip title={condition.message ?? ''}>
      <div>{status}</div>
    </Tooltip>
  );
}

/** The HPA's bounds, metrics against targets, conditions and last scale. */
export function AutoscalerSummary({
  autoscaler,
}: {
  autoscaler: AutoscalerState;
}) {
  return (
    <Box>
      <Typography variant="body2">
        HPA <strong>{autoscaler.name}</strong>: {autoscaler.minReplicas} to{' '}
        {autoscaler.maxReplicas} replicas
      </Typography>
      {autoscaler.metrics.map((metric, index) => (
        <MetricUtilization key={`${metric.name}-${index}`} metric={metric} />
      ))}
      {autoscaler.conditions.map(condition => (
        <ConditionStatus key={condition.type} condition={condition} />
      ))}
      <Typography variant="caption" color="textSecondary">
        {autoscaler.lastScaleTime
          ? `Last scaled ${new Date(autoscaler.lastScaleTime).toLocaleString()}`
          : 'Not scaled yet'}
      </Typography>
    </Box>
  );
}
