export { CostCard } from './CostCard';
export { CostEfficiencyTable } from './CostEfficiencyTable';
export { CostRecommendationsTable } from './CostRecommendationsTable';
export { CostSavings } from './CostSavings';
export { CostShareCard } from './CostShareCard';
export { CostShareTable } from './CostShareTable';
export { CostTotal } from './CostTotal';
export { CostTrendChart } from './CostTrendChart';
export { MonthlyCostChart } from './MonthlyCostChart';
export { COST_WINDOW_DAYS, CostWindowPicker } from './CostWindowPicker';
export { IncompleteCostDays } from './IncompleteCostDays';
export {
  formatCost,
  formatCostDifference,
  formatCostWindow,
  formatMonth,
  lastCompleteDays,
} from './costFormat';
export { costResourceLabels } from './costLabels';
