import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatCost } from './costFormat';

/** One stacked part of each row's cost, e.g. a resource or a team. */
export type CostSeries = { dataKey: string; name: string; color: string };

/** Costs over time, one row per period, stacked by series, as areas or bars. */
export function StackedCostChart(props: {
  kind: 'area' | 'bar';
  rows: Array<Record<string, string | number>>;
  /** The field of each row that names its period. */
  periodKey: string;
  series: CostSeries[];
  currency: string;
  height: number;
}) {
  const { kind, rows, periodKey, series, currency, height } = props;
  const Chart = kind === 'area' ? AreaChart : BarChart;
  return (
    <ResponsiveContainer width="100%" height={height}>
      <Chart data={rows}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey={periodKey} />
        <YAxis tickFormatter={value => formatCost(Number(value), currency)} />
        <Tooltip formatter={value => formatCost(Number(value), currency)} />
        <Legend />
        {series.map(({ dataKey, name, color }) =>
          kind === 'area' ? (
            <Area
              key={dataKey}
              type="monotone"
              dataKey={dataKey}
              name={name}
              stackId="cost"
              stroke={color}
              fill={color}
              isAnimationActive={false}
            />
          ) : (
            <Bar
              key={dataKey}
              dataKey={dataKey}
              name={name}
              stackId="cost"
              fill={color}
              isAnimationActive={false}
            />
          ),
        )}
      </Chart>
    </ResponsiveContainer>
  );
}
