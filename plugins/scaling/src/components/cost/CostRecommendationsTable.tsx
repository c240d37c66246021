import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { CostRecommendation } from '@meschain/backstage-plugin-scaling-common';
import { formatQuantity, unitOfFigure } from '../../format';
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
    <Table size="small" aria-label="Recommendations">
      <TableHead>
        <TableRow>
          <TableCell>Kind</TableCell>
          <TableCell>Region</TableCell>
          <TableCell>Why</TableCell>
          <TableCell>Inputs</TableCell>
          <TableCell>Proposal</TableCell>
          <TableCell align="right">Monthly savings</TableCell>
          <TableCell align="right">Annual savings</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {recommendations.map(recommendation => (
          <TableRow
            key={`${recommendation.kind}/${recommendation.region ?? 'all'}`}
          >
            <TableCell>
              {recommendationKindLabels[recommendation.kind]}
            </TableCell>
            <TableCell>{recommendation.region ?? 'All regions'}</TableCell>
            <TableCell>{recommendation.summary}</TableCell>
            <TableCell>
              <Figures figures={recommendation.inputs} currency={currency} />
            </TableCell>
            <TableCell>
              <Figures figures={recommendation.proposal} currency={currency} />
            </TableCell>
            <TableCell align="right">
              {formatCost(recommendation.monthlySavings, currency)}
            </TableCell>
            <TableCell align="right">
              {formatCost(recommendation.annualSavings, currency)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
