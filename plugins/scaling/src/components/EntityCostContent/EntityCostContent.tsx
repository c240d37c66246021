import Grid from '@material-ui/core/Grid';
import {
  COST_RESOURCES,
  EntityCost,
} from '@meschain/backstage-plugin-scaling-common';
import {
  useEntityCost,
  useEntityCostEfficiency,
  useEntityCostRecommendations,
} from '../../hooks';
import {
  CostBreakdown,
  CostCard,
  CostEfficiencyTable,
  CostRecommendationsTable,
  CostSavings,
  CostShareCards,
  CostTotal,
  CostTrendChart,
  CostWindowLayout,
  costResourceLabels,
  useCostWindow,
} from '../cost';
import { oldestRead } from '../DataAge';

const BREAKDOWNS: CostBreakdown<EntityCost>[] = [
  {
    title: 'Cost by region',
    label: 'Cost by region',
    keyHeader: 'Region',
    shares: value => value.byRegion,
  },
  {
    title: 'Cost by resource',
    label: 'Cost by resource',
    keyHeader: 'Resource',
    shares: value =>
      COST_RESOURCES.map(resource => ({
        key: costResourceLabels[resource],
        total: value.byResource[resource],
      })),
  },
];

/**
 * @public
 * The "Cost" tab of a service's entity page: its daily trend, where the cost
 * goes, how much of what it requests it uses, and what could be saved.
 */
export function EntityCostContent() {
  const costWindow = useCostWindow(30);
  const cost = useEntityCost(costWindow.window);
  const efficiency = useEntityCostEfficiency(costWindow.window);
  const recommendations = useEntityCostRecommendations();

  return (
    <CostWindowLayout
      costWindow={costWindow}
      readAt={oldestRead(
        cost.readAt,
        efficiency.readAt,
        recommendations.readAt,
      )}
      noPadding
    >
      <Grid item xs={12}>
        <CostCard title="Daily cost by resource" state={cost}>
          {value => (
            <>
              <CostTotal label="Total cost" cost={value} />
              <CostTrendChart
                daily={value.daily}
                currency={value.currency}
                since={value.dataStart}
              />
            </>
          )}
        </CostCard>
      </Grid>
      <CostShareCards state={cost} breakdowns={BREAKDOWNS} />
      <Grid item xs={12}>
        <CostCard title="Efficiency" state={efficiency}>
          {value => <CostEfficiencyTable efficiency={value} />}
        </CostCard>
      </Grid>
      <Grid item xs={12}>
        <CostCard title="Savings recommendations" state={recommendations}>
          {value => (
            <>
              <CostSavings cost={value} />
              {value.recommendations.length > 0 && (
                <CostRecommendationsTable
                  recommendations={value.recommendations}
                  currency={value.currency}
                />
              )}
            </>
          )}
        </CostCard>
      </Grid>
    </CostWindowLayout>
  );
}
