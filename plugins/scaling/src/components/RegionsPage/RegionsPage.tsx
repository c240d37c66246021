import {
  Content,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useRegionsOverview } from '../../hooks';
import { DataAge } from '../DataAge';
import { RegionsOverviewView } from './RegionsOverviewView';

/** @public Where every service runs, on a world map, with capacity, cost and DR readiness. */
export function RegionsPage() {
  const { value: overview, loading, error, readAt } = useRegionsOverview();
  let body;
  if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (overview) {
    body = (
      <>
        <DataAge readAt={readAt} />
        <RegionsOverviewView overview={overview} />
      </>
    );
  } else {
    body = loading ? <Progress /> : null;
  }
  return <Content>{body}</Content>;
}
