export { formatChartTime, TimeSeriesChart } from './TimeSeriesChart';
