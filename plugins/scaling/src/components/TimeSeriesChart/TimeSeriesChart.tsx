import { ReactNode } from 'react';
import {
  CartesianGrid,
  Legend,
  LineChart,
  ResponsiveContainer,
  XAxis,
} from 'recharts';

/** An instant as the suite's time charts label it: weekday and UTC time of day. */
export const formatChartTime = (at: unknown) =>
  new Date(Number(at)).toLocaleString('en-GB', {
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  });

/**
 * Lines over time, with rows keyed by `at` (epoch ms). The caller gives the
 * Y axis, tooltip and lines as children; screen readers get `summary` instead
 * of the drawing.
 */
export function TimeSeriesChart(props: {
  rows: Array<{ at: number }>;
  summary: string;
  height: number;
  children: ReactNode;
}) {
  const { rows, summary, height, children } = props;
  return (
    <div role="img" aria-label={summary}>
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={rows} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="at"
            type="number"
            scale="time"
            domain={['dataMin', 'dataMax']}
            tickFormatter={formatChartTime}
          />
          <Legend />
          {children}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
