import { useTeamCost } from '../../hooks';
import { CostCard, CostSavings, CostShareTable, CostTotal } from '../cost';
import { DataAge } from '../DataAge';

/** How many of the team's services the card lists. */
const TOP_SERVICES = 5;

/**
 * @public
 * A team's cost on its Group page: the total of what it owns, its largest
 * services and the savings proposed for them.
 */
export function GroupCostCard() {
  const cost = useTeamCost();
  return (
    <CostCard title="Cost" state={cost}>
      {value => (
        <>
          <CostTotal label="Team cost" cost={value} />
          <CostShareTable
            label="Top services by cost"
            keyHeader="Service"
            shares={value.byService.slice(0, TOP_SERVICES)}
            total={value.total}
            currency={value.currency}
            entities
          />
          <CostSavings cost={value} />
          <DataAge readAt={cost.readAt} />
        </>
      )}
    </CostCard>
  );
}
