import { CostRecommendation } from '@meschain/backstage-plugin-scaling-common';
import { formatQuantity, unitOfFigure } from '../../format';
import { CompactTable } from '../CompactTable';
import { formatCost, formatFigureName } from './costFormat';
import { recommendationKindLabels } from './costLabels';

/** Each figure by name, in the unit its name implies (`Spot discount: 65 %`). */
function Figures(props: {
  figures: Record<string, number | string>;
  currency: string;
}) {
  return (
    <>
      {Object.entries(props.figures).map(([name, value]) => (
        <div key={name}>
          {formatFigureName(name)}:{' '}
          {typeof value === 'number'
            ? formatQuantity(value, unitOfFigure(name), props.currency)
            : value}
        </div>
      ))}
    </>
  );
}

/** Each proposed saving with the inputs it was derived from and what to change. */
export function CostRecommendationsTable(props: {
  recommendations: CostRecommendation[];
  currency: string;
}) {
  const { recommendations, currency } = props;
  return (
    <CompactTable
      label="Recommendations"
      columns={[
        {
          title: 'Kind',
          cell: recommendation => recommendationKindLabels[recommendation.kind],
        },
        {
          title: 'Region',
          cell: recommendation => recommendation.region ?? 'All regions',
        },
        { title: 'Why', cell: recommendation => recommendation.summary },
        {
          title: 'Inputs',
          cell: recommendation => (
            <Figures figures={recommendation.inputs} currency={currency} />
          ),
        },
        {
          title: 'Proposal',
          cell: recommendation => (
            <Figures figures={recommendation.proposal} currency={currency} />
          ),
        },
        {
          title: 'Monthly savings',
          align: 'right',
          cell: recommendation =>
            formatCost(recommendation.monthlySavings, currency),
        },
        {
          title: 'Annual savings',
          align: 'right',
          cell: recommendation =>
            formatCost(recommendation.annualSavings, currency),
        },
      ]}
      rows={recommendations}
      rowKey={recommendation =>
        `${recommendation.kind}/${recommendation.region ?? 'all'}`
      }
    />
  );
}
