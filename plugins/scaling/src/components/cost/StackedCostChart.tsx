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

/** Costs over time, one row per period, stacked by series, as areas or bars. */
export function StackedCostChart(props: {
  kind: 'area' | 'bar';
  rows: Array<Record<string, string | number>>;
  /** The field of each row that names its period. */
  periodKey: string;
  series: Array<{ dataKey: string; name: string; color: string }>;
  currency: string;
  height: number;
}) {
  const { kind, rows, periodKey, currency, height } = props;
  const Chart = kind === 'area' ? AreaChart : BarChart;
  const format = (value: unknown) => formatCost(Number(value), currency);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <Chart data={rows}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey={periodKey} />
        <YAxis tickFormatter={format} />
        <Tooltip formatter={format} />
        <Legend />
        {props.series.map(({ dataKey, name, color }) => {
          const series = {
            dataKey,
            name,
            stackId: 'cost',
            fill: color,
            isAnimationActive: false,
          };
          return kind === 'area' ? (
            <Area key={dataKey} type="monotone" stroke={color} {...series} />
          ) : (
            <Bar key={dataKey} {...series} />
          );
        })}
      </Chart>
    </ResponsiveContainer>
  );
}
