import { useTheme } from '@material-ui/core/styles';
import { EntityLoadForecast } from '@meschain/backstage-plugin-scaling-common';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

const formatCores = (millicores: unknown) =>
  `${(Number(millicores) / 1000).toFixed(2)} cores`;

const formatHour = (at: unknown) =>
  new Date(Number(at)).toLocaleString('en-GB', {
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  });

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
    <div role="img" aria-label={summary}>
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={rows} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="at"
            type="number"
            scale="time"
            domain={['dataMin', 'dataMax']}
            tickFormatter={formatHour}
          />
          <YAxis tickFormatter={formatCores} width={90} />
          <Tooltip labelFormatter={formatHour} formatter={formatCores} />
          <Legend />
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
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
