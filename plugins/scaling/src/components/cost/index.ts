export { CostCard } from './CostCard';
export { CostEfficiencyTable } from './CostEfficiencyTable';
export { CostRecommendationsTable } from './CostRecommendationsTable';
export { CostSavings } from './CostSavings';
export { CostShareCards } from './CostShareCard';
export type { CostBreakdown } from './CostShareCard';
export { CostShareTable } from './CostShareTable';
export { CostTotal } from './CostTotal';
export { CostTrendChart } from './CostTrendChart';
export { MonthlyCostChart } from './MonthlyCostChart';
export { CostWindowLayout, useCostWindow } from './CostWindowLayout';
export { IncompleteCostDays } from './IncompleteCostDays';
export {
  formatCost,
  formatCostDifference,
  formatCostWindow,
  formatMonth,
} from './costFormat';
export { costResourceLabels } from './costLabels';
