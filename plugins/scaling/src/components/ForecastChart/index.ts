export { ForecastCard } from './ForecastCard';
export { ForecastChart } from './ForecastChart';
