import {
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import { useEntityScalingFacts } from '../../hooks';
import { RegionClustersTable } from './RegionClustersTable';
import { ServiceProfileCard } from './ServiceProfileCard';
import { WorkloadSelectorCard } from './WorkloadSelectorCard';

/** Who owns the service, how its workloads are found, and where it runs. */
export function EntityFactsSection() {
  const { value: facts, loading, error } = useEntityScalingFacts();

  if (loading) {
    return <Progress />;
  }
  if (error || !facts) {
    return (
      <ResponseErrorPanel error={error ?? new Error('No scaling facts')} />
    );
  }
  return (
    <Grid container spacing={3}>
      {facts.problems.length > 0 && (
        <Grid item xs={12}>
          <WarningPanel
            severity="warning"
            defaultExpanded
            title="Some scaling annotations are not understood"
          >
            <ul>
              {facts.problems.map(problem => (
                <li key={problem.annotation}>
                  <code>{problem.annotation}</code>: {problem.message}
                </li>
              ))}
            </ul>
          </WarningPanel>
        </Grid>
      )}
      <Grid item xs={12} md={6}>
        <ServiceProfileCard facts={facts} />
      </Grid>
      <Grid item xs={12} md={6}>
        <WorkloadSelectorCard workload={facts.workload} />
      </Grid>
      <Grid item xs={12}>
        <RegionClustersTable
          clusters={facts.clusters}
          regionsWithoutCluster={facts.regionsWithoutCluster}
        />
      </Grid>
    </Grid>
  );
}
