import { useTheme } from '@material-ui/core/styles';
import type { PolicySimulation } from '@meschain/backstage-plugin-scaling-common';
import { Tooltip, YAxis } from 'recharts';
import {
  formatChartTime,
  TimeSeries,
  TimeSeriesChart,
} from '../TimeSeriesChart';

type Steps = PolicySimulation['candidate']['replicas'];

type WhatIfRow = { at: number; current?: number; candidate?: number };

/** The desired replicas of each policy at every instant either one changed. */
function chartRows(current: Steps | undefined, candidate: Steps): WhatIfRow[] {
  const times = [
    ...new Set([...(current ?? []), ...candidate].map(step => step.at)),
  ].sort((a, b) => a - b);
  let i = -1;
  let j = -1;
  return times.map(at => {
    while (current && i + 1 < current.length && current[i + 1].at <= at) i++;
    while (j + 1 < candidate.length && candidate[j + 1].at <= at) j++;
    return {
      at,
      current: current && i >= 0 ? current[i].desired : undefined,
      candidate: j >= 0 ? candidate[j].desired : undefined,
    };
  });
}

/**
 * Replicas over the replayed period under the live policy and the candidate,
 * as steps. Screen readers get the peaks in words.
 */
export function WhatIfChart(props: { simulation: PolicySimulation }) {
  const { simulation } = props;
  const theme = useTheme();
  const rows = chartRows(
    simulation.current?.replicas,
    simulation.candidate.replicas,
  );
  const peak = (key: 'current' | 'candidate') =>
    Math.max(0, ...rows.map(row => row[key] ?? 0));
  const summary = `Replicas in ${simulation.region} over the replayed period: ${
    simulation.current ? `the live policy peaks at ${peak('current')}, ` : ''
  }the candidate at ${peak('candidate')}`;
  const candidate: TimeSeries<WhatIfRow> = {
    dataKey: 'candidate',
    name: 'Candidate',
    color: theme.palette.primary.main,
    steps: true,
  };
  const live: TimeSeries<WhatIfRow> = {
    dataKey: 'current',
    name: 'Live policy',
    color: theme.palette.text.secondary,
    steps: true,
  };
  return (
    <TimeSeriesChart
      rows={rows}
      series={simulation.current ? [live, candidate] : [candidate]}
      summary={summary}
      height={220}
    >
      <YAxis allowDecimals={false} width={40} />
      <Tooltip labelFormatter={formatChartTime} />
    </TimeSeriesChart>
  );
}
