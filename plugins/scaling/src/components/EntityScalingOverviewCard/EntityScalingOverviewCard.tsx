import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  StatusError,
  StatusOK,
  StatusWarning,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { useEntityScalingState } from '../../hooks';
import { DataAge } from '../DataAge';
import { DeploymentStrategyBadge } from './DeploymentStrategyBadge';
import { ScalingSummary, summarizeScaling } from './summarizeScaling';

function ReadinessStatus({ summary }: { summary: ScalingSummary }) {
  const text = `${summary.ready} of ${summary.desired} ready`;
  if (summary.desired > 0 && summary.ready === 0) {
    return <StatusError>{text}</StatusError>;
  }
  return summary.ready < summary.desired ? (
    <StatusWarning>{text}</StatusWarning>
  ) : (
    <StatusOK>{text}</StatusOK>
  );
}

function describeAutoscaling(summary: ScalingSummary): string {
  if (!summary.autoscalerBounds) {
    return 'No HPA: replicas are set by hand';
  }
  const { min, max } = summary.autoscalerBounds;
  return `${summary.autoscaled} of ${summary.workloads} workloads, ${min} to ${max} replicas in total`;
}

/** @public Replicas and autoscaling of the entity, summed over its regions. */
export function EntityScalingOverviewCard() {
  const { value: state, loading, error, readAt } = useEntityScalingState();

  let body;
  if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (!state) {
    body = loading ? <Progress /> : null;
  } else {
    const summary = summarizeScaling(state);
    body = (
      <StructuredMetadataTable
        metadata={{
          replicas: <ReadinessStatus summary={summary} />,
          workloads: `${summary.workloads} in ${summary.regions} regions`,
          autoscaling: describeAutoscaling(summary),
          'deployment strategy': <DeploymentStrategyBadge />,
          'unreachable regions':
            summary.failedRegions.length > 0 ? (
              <StatusError>{summary.failedRegions.join(', ')}</StatusError>
            ) : (
              'None'
            ),
        }}
      />
    );
  }
  return (
    <InfoCard title="Scaling" subheader={<DataAge readAt={readAt} />}>
      {body}
    </InfoCard>
  );
}
