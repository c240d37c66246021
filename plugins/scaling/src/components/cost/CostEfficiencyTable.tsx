import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { CostEfficiency } from '@meschain/backstage-plugin-scaling-common';
import { formatNumber } from '../../format';
import { formatCost, formatPercent } from './costFormat';

const resources = [
  { key: 'cpu', label: 'CPU', unit: 'core-hours' },
  { key: 'memory', label: 'Memory', unit: 'GiB-hours' },
] as const;

/** CPU and memory requested against used, and what the unused part cost. */
export function CostEfficiencyTable(props: { efficiency: CostEfficiency }) {
  const { efficiency } = props;
  return (
    <Table size="small" aria-label="Efficiency">
      <TableHead>
        <TableRow>
          <TableCell>Resource</TableCell>
          <TableCell align="right">Requested</TableCell>
          <TableCell align="right">Used</TableCell>
          <TableCell align="right">Efficiency</TableCell>
          <TableCell align="right">Cost of unused requests</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {resources.map(({ key, label, unit }) => {
          const resource = efficiency[key];
          return (
            <TableRow key={key}>
              <TableCell>{label}</TableCell>
              <TableCell align="right">
                {formatNumber(resource.requested)} {unit}
              </TableCell>
              <TableCell align="right">
                {formatNumber(resource.used)} {unit}
              </TableCell>
              <TableCell align="right">
                {formatPercent(resource.efficiency)}
              </TableCell>
              <TableCell align="right">
                {formatCost(resource.idleCost, efficiency.currency)}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
