import { ReactNode } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
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

/** One line of a {@link TimeSeriesChart}: the row field it draws, and how. */
export type TimeSeries<Row> = {
  dataKey: keyof Row & string;
  name: string;
  color: string;
  /** Steps that hold each value until the next, e.g. replicas. */
  steps?: boolean;
  dashed?: boolean;
};

/**
 * Lines over time, with rows keyed by `at` (epoch ms). The caller gives the
 * lines, and the Y axis and tooltip as children; screen readers get `summary`
 * instead of the drawing.
 */
export function TimeSeriesChart<Row extends { at: number }>(props: {
  rows: Row[];
  series: TimeSeries<Row>[];
  summary: string;
  height: number;
  children: ReactNode;
}) {
  const { rows, series, summary, height, children } = props;
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
          {series.map(line => (
            <Line
              key={line.dataKey}
              dataKey={line.dataKey}
              name={line.name}
              stroke={line.color}
              type={line.steps ? 'stepAfter' : 'linear'}
              strokeDasharray={line.dashed ? '4 4' : undefined}
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
