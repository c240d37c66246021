import { MonthlyCost } from '@meschain/backstage-plugin-scaling-common';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatCost, formatMonth } from './costFormat';

const palette = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
];

/** Each month's cost, stacked by team. */
export function MonthlyCostChart(props: {
  months: MonthlyCost[];
  currency: string;
}) {
  const { months, currency } = props;
  const teams = [
    ...new Set(months.flatMap(month => month.byTeam.map(share => share.key))),
  ];
  const rows = months.map(month => ({
    month: formatMonth(month.month),
    ...Object.fromEntries(month.byTeam.map(share => [share.key, share.total])),
  }));
  return (
    <ResponsiveContainer width="100%" height={300}>
      <BarChart data={rows}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="month" />
        <YAxis tickFormatter={value => formatCost(Number(value), currency)} />
        <Tooltip formatter={value => formatCost(Number(value), currency)} />
        <Legend />
        {teams.map((team, index) => (
          <Bar
            key={team}
            dataKey={team}
            name={team}
            stackId="cost"
            fill={palette[index % palette.length]}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
