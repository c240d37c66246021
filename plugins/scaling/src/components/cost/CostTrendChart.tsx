import {
  COST_RESOURCES,
  DailyCost,
} from '@meschain/backstage-plugin-scaling-common';
import {
  Area,
  AreaChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatCost } from './costFormat';
import { costResourceColors, costResourceLabels } from './costLabels';

/** Daily cost, stacked by resource, from the day its data starts (`since`) when given. */
export function CostTrendChart(props: {
  daily: DailyCost[];
  currency: string;
  since?: string;
}) {
  const { daily, currency, since } = props;
  const rows = daily
    .filter(day => !since || day.date >= since)
    .map(day => ({ date: day.date, ...day.byResource }));
  return (
    <ResponsiveContainer width="100%" height={280}>
      <AreaChart data={rows}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="date" />
        <YAxis tickFormatter={value => formatCost(Number(value), currency)} />
        <Tooltip formatter={value => formatCost(Number(value), currency)} />
        <Legend />
        {COST_RESOURCES.map(resource => (
          <Area
            key={resource}
            type="monotone"
            dataKey={resource}
            name={costResourceLabels[resource]}
            stackId="cost"
            stroke={costResourceColors[resource]}
            fill={costResourceColors[resource]}
            isAnimationActive={false}
          />
        ))}
      </AreaChart>
    </ResponsiveContainer>
  );
}
