import { CostEfficiency } from '@meschain/backstage-plugin-scaling-common';
import { formatNumber } from '../../format';
import { CompactTable } from '../CompactTable';
import { formatCost, formatPercent } from './costFormat';

const resources = [
  { key: 'cpu', label: 'CPU', unit: 'core-hours' },
  { key: 'memory', label: 'Memory', unit: 'GiB-hours' },
] as const;

/** CPU and memory requested against used, and what the unused part cost. */
export function CostEfficiencyTable(props: { efficiency: CostEfficiency }) {
  const { efficiency } = props;
  return (
    <CompactTable
      label="Efficiency"
      columns={[
        { title: 'Resource', cell: ({ label }) => label },
        {
          title: 'Requested',
          align: 'right',
          cell: ({ key, unit }) =>
            `${formatNumber(efficiency[key].requested)} ${unit}`,
        },
        {
          title: 'Used',
          align: 'right',
          cell: ({ key, unit }) =>
            `${formatNumber(efficiency[key].used)} ${unit}`,
        },
        {
          title: 'Efficiency',
          align: 'right',
          cell: ({ key }) => formatPercent(efficiency[key].efficiency),
        },
        {
          title: 'Cost of unused requests',
          align: 'right',
          cell: ({ key }) =>
            formatCost(efficiency[key].idleCost, efficiency.currency),
        },
      ]}
      rows={resources}
      rowKey={({ key }) => key}
    />
  );
}
