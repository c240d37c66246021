import { useTheme } from '@material-ui/core/styles';
import { Line, LineChart, YAxis } from 'recharts';

/**
 * A signal's samples over the window as a small line, with no axes. Screen
 * readers get its range in words, which `describe` formats.
 */
export function Sparkline(props: {
  /** `[epochSeconds, value]` pairs, oldest first. */
  series: number[][];
  label: string;
  describe: (value: number) => string;
  width?: number;
  height?: number;
}) {
  const { series, label, describe, width = 88, height = 24 } = props;
  const theme = useTheme();
  const values = series.map(([, value]) => value);
  if (values.length === 0) {
    return null;
  }
  const rows = series.map(([time, value]) => ({ time, value }));
  const summary = `${label} over the window: ${
    values.length
  } samples from ${describe(Math.min(...values))} to ${describe(
    Math.max(...values),
  )}`;
  return (
    <div role="img" aria-label={summary}>
      <LineChart
        width={width}
        height={height}
        data={rows}
        margin={{ top: 2, right: 2, bottom: 2, left: 2 }}
        // The picture is described by its label; no keyboard stop inside it.
        accessibilityLayer={false}
      >
        {/* From the series' own lowest point, so a flat line near its top still shows its shape. */}
        <YAxis hide domain={['dataMin', 'dataMax']} />
        <Line
          type="linear"
          dataKey="value"
          stroke={theme.palette.primary.main}
          strokeWidth={1.5}
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </div>
  );
}
