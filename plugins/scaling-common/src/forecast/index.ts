export { forecastLoad } from './forecastLoad';
export { forecastAccuracy } from './accuracy';
export { hourlySeries, HOUR_MS } from './hourlySeries';
export type {
  ForecastAccuracy,
  ForecastHour,
  HourlyLoad,
  LoadForecast,
} from './types';
