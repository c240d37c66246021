import Grid from '@material-ui/core/Grid';
import { OrgCost } from '@meschain/backstage-plugin-scaling-common';
import { useOrgCost } from '../../hooks';
import {
  CostBreakdown,
  CostCard,
  CostSavings,
  CostShareCards,
  CostTotal,
  CostWindowLayout,
  MonthlyCostChart,
  useCostWindow,
} from '../cost';
import { MonthOverMonth } from './MonthOverMonth';

const BREAKDOWNS: CostBreakdown<OrgCost>[] = [
  {
    title: 'Teams',
    label: 'Cost by team',
    keyHeader: 'Team',
    shares: value => value.byTeam,
    entities: true,
  },
  {
    title: 'Top services',
    label: 'Top services by cost',
    keyHeader: 'Service',
    shares: value => value.topServices,
    entities: true,
  },
  {
    title: 'Regions',
    label: 'Cost by region',
    keyHeader: 'Region',
    shares: value => value.byRegion,
  },
];

/**
 * @public
 * The organisation's cost: totals, the month-over-month change, and the
 * teams, services and regions that cost the most.
 */
export function OrgCostPage() {
  const costWindow = useCostWindow(90);
  const cost = useOrgCost(costWindow.window);

  return (
    <CostWindowLayout costWindow={costWindow} readAt={cost.readAt}>
      <Grid item xs={12} md={5}>
        <CostCard title="Organisation cost" state={cost}>
          {value => (
            <>
              <CostTotal label="Total cost" cost={value} />
              <MonthOverMonth cost={value} />
              <CostSavings cost={value} />
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
      <CostShareCards state={cost} breakdowns={BREAKDOWNS} lg={4} />
    </CostWindowLayout>
  );
}
