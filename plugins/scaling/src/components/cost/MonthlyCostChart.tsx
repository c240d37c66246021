import { MonthlyCost } from '@meschain/backstage-plugin-scaling-common';
import { formatMonth } from './costFormat';
import { StackedCostChart } from './StackedCostChart';

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
    <StackedCostChart
      kind="bar"
      rows={rows}
      periodKey="month"
      series={teams.map((team, index) => ({
        dataKey: team,
        name: team,
        color: palette[index % palette.length],
      }))}
      currency={currency}
      height={300}
    />
  );
}
