import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import {
  CostShare,
  UNALLOCATED_COST_ENTITY,
} from '@meschain/backstage-plugin-scaling-common';
import { formatCost, formatPercent } from './costFormat';

function ShareKey(props: { shareKey: string; entities: boolean }) {
  if (props.shareKey === UNALLOCATED_COST_ENTITY) {
    return <>Unallocated</>;
  }
  return props.entities ? (
    <EntityRefLink entityRef={props.shareKey} />
  ) : (
    <>{props.shareKey}</>
  );
}

/** Totals per region, service or team, each with its share of the whole. */
export function CostShareTable(props: {
  /** Names the table for assistive technology, with its window. */
  label: string;
  keyHeader: string;
  shares: CostShare[];
  total: number;
  currency: string;
  /** Whether the keys are entity refs, shown as links. */
  entities?: boolean;
}) {
  const { label, keyHeader, shares, total, currency, entities = false } = props;
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          <TableCell>{keyHeader}</TableCell>
          <TableCell align="right">Cost</TableCell>
          <TableCell align="right">Share</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {shares.map(share => (
          <TableRow key={share.key}>
            <TableCell>
              <ShareKey shareKey={share.key} entities={entities} />
            </TableCell>
            <TableCell align="right">
              {formatCost(share.total, currency)}
            </TableCell>
            <TableCell align="right">
              {formatPercent(total > 0 ? share.total / total : null)}
            </TableCell>
          </TableRow>
        ))}
        {shares.length === 0 && (
          <TableRow>
            <TableCell colSpan={3}>No cost recorded in this window</TableCell>
          </TableRow>
        )}
      </TableBody>
    </Table>
  );
}
