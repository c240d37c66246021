export {
  formatCount,
  formatMetricQuantity,
  formatMoney,
  formatNumber,
  formatPercent,
  formatQuantity,
} from './formatQuantity';
export { unitOfFigure, unitOfMetric } from './quantityUnits';
export type { QuantityUnit } from './quantityUnits';
