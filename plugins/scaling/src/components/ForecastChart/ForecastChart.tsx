import { useTheme } from '@material-ui/core/styles';
import { EntityLoadForecast } from '@meschain/backstage-plugin-scaling-common';
import { Tooltip, YAxis } from 'recharts';
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
    <TimeSeriesChart
      rows={rows}
      series={[
        {
          dataKey: 'actual',
          name: 'Actual',
          color: theme.palette.text.primary,
        },
        {
          dataKey: 'forecast',
          name: 'Forecast',
          color: theme.palette.primary.main,
        },
        {
          dataKey: 'upper',
          name: 'Upper band (p90)',
          color: theme.palette.primary.light,
          dashed: true,
        },
      ]}
      summary={summary}
      height={260}
    >
      <YAxis tickFormatter={formatCores} width={90} />
      <Tooltip labelFormatter={formatChartTime} formatter={formatCores} />
    </TimeSeriesChart>
  );
}
