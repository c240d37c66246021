import { Content } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import {
  COST_RESOURCES,
  EntityCost,
} from '@meschain/backstage-plugin-scaling-common';
import { useMemo, useState } from 'react';
import {
  useEntityCost,
  useEntityCostEfficiency,
  useEntityCostRecommendations,
} from '../../hooks';
import {
  CostCard,
  CostEfficiencyTable,
  CostRecommendationsTable,
  CostSavings,
  CostShareCard,
  CostTotal,
  CostTrendChart,
  CostWindowPicker,
  costResourceLabels,
  lastCompleteDays,
} from '../cost';
import { DataAge, oldestRead } from '../DataAge';

function resourceShares(cost: EntityCost) {
  return COST_RESOURCES.map(resource => ({
    key: costResourceLabels[resource],
    total: cost.byResource[resource],
  }));
}

/**
 * @public
 * The "Cost" tab of a service's entity page: its daily trend, where the cost
 * goes, how much of what it requests it uses, and what could be saved.
 */
export function EntityCostContent() {
  const [days, setDays] = useState(30);
  const window = useMemo(() => lastCompleteDays(days), [days]);
  const cost = useEntityCost(window);
  const efficiency = useEntityCostEfficiency(window);
  const recommendations = useEntityCostRecommendations();

  return (
    <Content noPadding>
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <CostWindowPicker days={days} onChange={setDays} />
          <DataAge
            readAt={oldestRead(
              cost.readAt,
              efficiency.readAt,
              recommendations.readAt,
            )}
          />
        </Grid>
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
        <Grid item xs={12} md={6}>
          <CostShareCard
            title="Cost by region"
            state={cost}
            label="Cost by region"
            keyHeader="Region"
            shares={value => value.byRegion}
          />
        </Grid>
        <Grid item xs={12} md={6}>
          <CostShareCard
            title="Cost by resource"
            state={cost}
            label="Cost by resource"
            keyHeader="Resource"
            shares={resourceShares}
          />
        </Grid>
        <Grid item xs={12}>
          <CostCard title="Efficiency" state={efficiency}>
            {value => <CostEfficiencyTable efficiency={value} />}
          </CostCard>
        </Grid>
        <Grid item xs={12}>
          <CostCard title="Savings recommendations" state={recommendations}>
            {value => (
              <>
                <CostSavings
                  savings={value.savings}
                  currency={value.currency}
                />
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
      </Grid>
    </Content>
  );
}
