import { useTheme } from '@material-ui/core/styles';
import { EntityLoadForecast } from '@meschain/backstage-plugin-scaling-common';
import { Line, Tooltip, YAxis } from 'recharts';
import { formatChartTime, TimeSeriesChart } from '../TimeSeriesChart';

const formatCores = (millicores: unknown) =>
  `${(Number(millicores) / 1000).toFixed(2)} cores`;

/**
 * The region's CPU per hour: the past week as it was and as it had been forecast, then the
 * forecast of the next 7 days with its upper band. Screen readers get the figures in words.
 */
export function ForecastChart(props: { forecast: EntityLoadForecast }) {
  const { forecast } = props;
  const theme = useTheme();
  const rows = forecast.hours.map(hour => ({
    at: Date.parse(hour.at),
    actual: hour.actual,
    forecast: hour.forecast,
    upper: hour.upper,
  }));
  const peak = Math.max(...rows.map(row => row.forecast ?? 0));
  const summary = `CPU in ${
    forecast.region
  }: the past week against its forecast, and the next 7 days, peaking at ${formatCores(
    peak,
  )}`;
  return (
    <TimeSeriesChart rows={rows} summary={summary} height={260}>
      <YAxis tickFormatter={formatCores} width={90} />
      <Tooltip labelFormatter={formatChartTime} formatter={formatCores} />
      <Line
        dataKey="actual"
        name="Actual"
        stroke={theme.palette.text.primary}
        dot={false}
        isAnimationActive={false}
      />
      <Line
        dataKey="forecast"
        name="Forecast"
        stroke={theme.palette.primary.main}
        dot={false}
        isAnimationActive={false}
      />
      <Line
        dataKey="upper"
        name="Upper band (p90)"
        stroke={theme.palette.primary.light}
        strokeDasharray="4 4"
        dot={false}
        isAnimationActive={false}
      />
    </TimeSeriesChart>
  );
}
