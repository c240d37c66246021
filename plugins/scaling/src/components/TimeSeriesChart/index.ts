export { formatChartTime, TimeSeriesChart } from './TimeSeriesChart';
export type { TimeSeries } from './TimeSeriesChart';
