import { Content } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import { useMemo, useState } from 'react';
import { useOrgCost } from '../../hooks';
import {
  CostCard,
  CostSavings,
  CostShareCard,
  CostTotal,
  CostWindowPicker,
  MonthlyCostChart,
  lastCompleteDays,
} from '../cost';
import { DataAge } from '../DataAge';
import { MonthOverMonth } from './MonthOverMonth';

/**
 * @public
 * The organisation's cost: totals, the month-over-month change, and the
 * teams, services and regions that cost the most.
 */
export function OrgCostPage() {
  const [days, setDays] = useState(90);
  const window = useMemo(() => lastCompleteDays(days), [days]);
  const cost = useOrgCost(window);

  return (
    <Content>
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <CostWindowPicker days={days} onChange={setDays} />
          <DataAge readAt={cost.readAt} />
        </Grid>
        <Grid item xs={12} md={5}>
          <CostCard title="Organisation cost" state={cost}>
            {value => (
              <>
                <CostTotal label="Total cost" cost={value} />
                <MonthOverMonth cost={value} />
                <CostSavings
                  savings={value.savings}
                  currency={value.currency}
                />
              </>
            )}
          </CostCard>
        </Grid>
        <Grid item xs={12} md={7}>
          <CostCard title="Cost by month and team" state={cost}>
            {value => (
              <MonthlyCostChart
                months={value.byMonth}
                currency={value.currency}
              />
            )}
          </CostCard>
        </Grid>
        <Grid item xs={12} md={6} lg={4}>
          <CostShareCard
            title="Teams"
            state={cost}
            label="Cost by team"
            keyHeader="Team"
            shares={value => value.byTeam}
            entities
          />
        </Grid>
        <Grid item xs={12} md={6} lg={4}>
          <CostShareCard
            title="Top services"
            state={cost}
            label="Top services by cost"
            keyHeader="Service"
            shares={value => value.topServices}
            entities
          />
        </Grid>
        <Grid item xs={12} md={6} lg={4}>
          <CostShareCard
            title="Regions"
            state={cost}
            label="Cost by region"
            keyHeader="Region"
            shares={value => value.byRegion}
          />
        </Grid>
      </Grid>
    </Content>
  );
}
