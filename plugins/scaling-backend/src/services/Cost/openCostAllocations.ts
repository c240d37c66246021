import {
  CostAllocation,
  CostAllocationSet,
  TimeWindow,
} from '@meschain/backstage-plugin-scaling-node';

const IDLE = '__idle__';

/** The figures an entry must carry, each a finite, non-negative number. */
const REQUIRED_FIGURES = [
  'cpuCoreHours',
  'cpuCost',
  'ramByteHours',
  'ramCost',
  'totalCost',
] as const;

/** Figures OpenCost leaves out for some allocations (idle, external); zero when absent. */
const OPTIONAL_FIGURES = [
  'cpuCoreRequestAverage',
  'cpuCoreUsageAverage',
  'ramByteRequestAverage',
  'ramByteUsageAverage',
  'minutes',
  'pvCost',
  'pvCostAdjustment',
  'networkCost',
  'networkCostAdjustment',
  'loadBalancerCost',
  'loadBalancerCostAdjustment',
  'sharedCost',
  'externalCost',
  'cpuCostAdjustment',
  'ramCostAdjustment',
  'gpuCost',
  'gpuCostAdjustment',
] as const;

type Figure =
  | (typeof REQUIRED_FIGURES)[number]
  | (typeof OPTIONAL_FIGURES)[number];

type OpenCostProperties = {
  cluster?: string;
  namespace?: string;
  controller?: string;
  controllerKind?: string;
  labels?: Record<string, string>;
};

/** Why an entry of OpenCost's `AllocationJSON` cannot be stored, or its figures. */
function readFigures(
  entry: Record<string, unknown>,
): { figures: Record<Figure, number> } | { reason: string } {
  const figures = {} as Record<Figure, number>;
  for (const key of [...REQUIRED_FIGURES, ...OPTIONAL_FIGURES]) {
    const value = entry[key];
    if (value === undefined || value === null) {
      if ((REQUIRED_FIGURES as readonly string[]).includes(key)) {
        return { reason: `${key} is missing` };
      }
      figures[key] = 0;
      continue;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return { reason: `${key} is not a finite number (${String(value)})` };
    }
    // Adjustments may be negative (credits); amounts and quantities may not.
    if (value < 0 && !key.endsWith('Adjustment')) {
      return { reason: `${key} is negative (${value})` };
    }
    figures[key] = value;
  }
  return { figures };
}

/**
 * The allocations of one accumulated OpenCost allocation set (`data[0]` of
 * `GET /allocation?accumulate=true`): each entry becomes a {@link CostAllocation},
 * or a skipped entry naming what is wrong with it. The stored total is the
 * source's `totalCost`; the resource split is what OpenCost reports.
 */
export function readOpenCostAllocationSet(
  set: unknown,
  context: { cluster: string; window: TimeWindow },
): CostAllocationSet {
  const result: CostAllocationSet = { allocations: [], skipped: [] };
  if (set === null || set === undefined) return result;
  if (typeof set !== 'object' || Array.isArray(set)) {
    result.skipped.push({
      name: '(set)',
      reason: 'the allocation set is not an object',
    });
    return result;
  }
  for (const [name, raw] of Object.entries(set as Record<string, unknown>)) {
    if (typeof raw !== 'object' || raw === null) {
      result.skipped.push({ name, reason: 'the entry is not an object' });
      continue;
    }
    const entry = raw as Record<string, unknown>;
    const read = readFigures(entry);
    if ('reason' in read) {
      result.skipped.push({ name, reason: read.reason });
      continue;
    }
    const f = read.figures;
    const properties = (entry.properties ?? {}) as OpenCostProperties;
    const hours = f.minutes / 60;
    const storageCost = f.pvCost + f.pvCostAdjustment;
    const networkCost =
      f.networkCost +
      f.networkCostAdjustment +
      f.loadBalancerCost +
      f.loadBalancerCostAdjustment;
    const cpuCost = f.cpuCost + f.cpuCostAdjustment;
    const ramCost = f.ramCost + f.ramCostAdjustment;
    const sharedCost =
      f.sharedCost + f.externalCost + f.gpuCost + f.gpuCostAdjustment;
    const parts = cpuCost + ramCost + storageCost + networkCost + sharedCost;
    // OpenCost's totalCost is the sum of its parts; a set where it is not is
    // corrupt, and storing either figure would make totals disagree.
    if (Math.abs(parts - f.totalCost) > 0.01 + 1e-6 * f.totalCost) {
      result.skipped.push({
        name,
        reason: `totalCost ${f.totalCost} is not the sum of its parts (${parts})`,
      });
      continue;
    }
    result.allocations.push({
      cluster: properties.cluster ?? context.cluster,
      name,
      namespace: properties.namespace,
      controller: properties.controller
        ? `${properties.controllerKind ?? 'unknown'}:${properties.controller}`
        : undefined,
      labels: properties.labels,
      idle: name === IDLE || name.endsWith(`/${IDLE}`),
      window: context.window,
      cpuCoreHours: f.cpuCoreHours,
      ramByteHours: f.ramByteHours,
      cpuRequestCoreHours: f.cpuCoreRequestAverage * hours,
      cpuUsageCoreHours: f.cpuCoreUsageAverage * hours,
      ramRequestByteHours: f.ramByteRequestAverage * hours,
      ramUsageByteHours: f.ramByteUsageAverage * hours,
      cpuCost,
      ramCost,
      storageCost,
      networkCost,
      sharedCost,
      totalCost: f.totalCost,
    });
  }
  return result;
}
