import {
  COST_RESOURCES,
  DailyCost,
} from '@meschain/backstage-plugin-scaling-common';
import { costResourceColors, costResourceLabels } from './costLabels';
import { StackedCostChart } from './StackedCostChart';

const SERIES = COST_RESOURCES.map(resource => ({
  dataKey: resource,
  name: costResourceLabels[resource],
  color: costResourceColors[resource],
}));

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
    <StackedCostChart
      kind="area"
      rows={rows}
      periodKey="date"
      series={SERIES}
      currency={currency}
      height={280}
    />
  );
}
