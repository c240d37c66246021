import { useTheme } from '@material-ui/core/styles';
import type { PolicySimulation } from '@meschain/backstage-plugin-scaling-common';
import { Line, Tooltip, YAxis } from 'recharts';
import { formatChartTime, TimeSeriesChart } from '../TimeSeriesChart';

type Steps = PolicySimulation['candidate']['replicas'];

/** The desired replicas of each policy at every instant either one changed. */
function chartRows(current: Steps | undefined, candidate: Steps) {
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
  return (
    <TimeSeriesChart rows={rows} summary={summary} height={220}>
      <YAxis allowDecimals={false} width={40} />
      <Tooltip labelFormatter={formatChartTime} />
      {simulation.current && (
        <Line
          dataKey="current"
          name="Live policy"
          type="stepAfter"
          stroke={theme.palette.text.secondary}
          dot={false}
          isAnimationActive={false}
        />
      )}
      <Line
        dataKey="candidate"
        name="Candidate"
        type="stepAfter"
        stroke={theme.palette.primary.main}
        dot={false}
        isAnimationActive={false}
      />
    </TimeSeriesChart>
  );
}
