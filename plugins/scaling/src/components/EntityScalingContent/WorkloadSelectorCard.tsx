import { InfoCard, StructuredMetadataTable } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { WorkloadSelector } from '@meschain/backstage-plugin-scaling-common';

function describeSelector(workload: WorkloadSelector): string {
  if (workload.labelSelector) {
    return workload.labelSelector;
  }
  if (workload.kubernetesId) {
    return `backstage.io/kubernetes-id=${workload.kubernetesId}`;
  }
  return 'None: add backstage.io/kubernetes-id to the entity';
}

export function WorkloadSelectorCard({
  workload,
}: {
  workload: WorkloadSelector;
}) {
  return (
    <InfoCard title="Workloads">
      <Typography variant="body2" paragraph>
        The suite finds this service's Deployments, Rollouts and HPAs with the
        same annotations as the Kubernetes tab.
      </Typography>
      <StructuredMetadataTable
        metadata={{
          // A selector is one long word; it breaks anywhere rather than overflow the card.
          'label selector': (
            <code style={{ overflowWrap: 'anywhere' }}>
              {describeSelector(workload)}
            </code>
          ),
          namespace: workload.namespace ?? 'All namespaces',
          clusters: workload.cluster ?? 'Every cluster of its regions',
        }}
      />
    </InfoCard>
  );
}
