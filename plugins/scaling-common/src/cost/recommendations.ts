import type { CostRecommendation } from './api';

/** @public Days in an average month, so that monthly figures times 12 give the year. */
export const DAYS_PER_MONTH = 365 / 12;

/** @public The value below which `fraction` of the values fall (nearest rank). */
export function percentile(
  values: readonly number[],
  fraction: number,
): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil(fraction * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

function roundTo(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

function savings(monthly: number) {
  return {
    monthlySavings: roundTo(monthly, 2),
    annualSavings: roundTo(monthly * 12, 2),
  };
}

/** @public One day of one workload's requests, usage and compute cost, summed over its pods. */
export type DailyUsage = {
  /** Averages over the day, in cores and GiB. */
  cpuRequestCores: number;
  cpuUsageCores: number;
  memoryRequestGiB: number;
  memoryUsageGiB: number;
  cpuCost: number;
  memoryCost: number;
};

/** @public */
export type RightSizingInput = {
  entityRef: string;
  days: DailyUsage[];
  /** Requests proposed at p95 usage times (1 + headroom). */
  headroom: number;
  /** Smallest saving worth proposing, as a fraction of a resource's request. */
  minReduction: number;
};

/**
 * @public Proposes requests at the window's p95 of daily usage plus headroom,
 * for each resource requested well above it. OpenCost charges
 * max(request, usage), so the saving is the request cut's share of the
 * resource's cost, at the window's average daily cost.
 */
export function rightSizingRecommendation(
  input: RightSizingInput,
): CostRecommendation | undefined {
  const { days, headroom, minReduction } = input;
  if (!days.length) return undefined;
  const mean = (pick: (d: DailyUsage) => number) =>
    days.reduce((sum, d) => sum + pick(d), 0) / days.length;
  const inputs: Record<string, number> = { days: days.length, headroom };
  const proposal: Record<string, number> = {};
  let monthly = 0;
  for (const resource of ['cpu', 'memory'] as const) {
    const unit = resource === 'cpu' ? 'Cores' : 'GiB';
    const request = mean(d =>
      resource === 'cpu' ? d.cpuRequestCores : d.memoryRequestGiB,
    );
    const p95 = percentile(
      days.map(d => (resource === 'cpu' ? d.cpuUsageCores : d.memoryUsageGiB)),
      0.95,
    );
    const dailyCost = mean(d =>
      resource === 'cpu' ? d.cpuCost : d.memoryCost,
    );
    const proposed = p95 * (1 + headroom);
    inputs[`${resource}Request${unit}`] = roundTo(request, 3);
    inputs[`${resource}UsageP95${unit}`] = roundTo(p95, 3);
    inputs[`${resource}DailyCost`] = roundTo(dailyCost, 4);
    if (request <= 0 || proposed > request * (1 - minReduction)) continue;
    proposal[`${resource}Request${unit}`] = roundTo(proposed, 3);
    monthly += dailyCost * (1 - proposed / request) * DAYS_PER_MONTH;
  }
  if (!Object.keys(proposal).length) return undefined;
  return {
    kind: 'right-sizing',
    entityRef: input.entityRef,
    summary: `Request ${Object.entries(proposal)
      .map(([key, value]) => `${key} ${value}`)
      .join(' and ')}: p95 usage over ${days.length} days plus ${
      headroom * 100
    }% headroom`,
    ...savings(monthly),
    inputs,
    proposal,
  };
}

/** @public One region's compute for spot and reserved capacity. */
export type RegionCompute = {
  region: string;
  /** CPU and memory cost over the window's days. */
  dailyComputeCost: number;
  /** Average replicas of each day of the window (request over per-replica request). */
  dailyReplicas: number[];
  /** Replicas now. */
  replicas: number;
};

/** @public */
export type SpotInput = {
  entityRef: string;
  tier?: string;
  /** Tiers that must not run on capacity that can be taken away. */
  criticalTiers: string[];
  /** Whether the workload keeps state (e.g. has persistent volumes). */
  stateful: boolean;
  region: RegionCompute;
  /** Spot discount off on-demand, e.g. 0.65. */
  spotDiscount: number;
};

/**
 * @public Stateless, non-critical workloads that keep at least two replicas
 * survive losing one spot node; their compute is priced at the spot discount.
 */
export function spotRecommendation(
  input: SpotInput,
): CostRecommendation | undefined {
  const { region, spotDiscount } = input;
  if (
    input.stateful ||
    (input.tier && input.criticalTiers.includes(input.tier)) ||
    region.replicas < 2 ||
    spotDiscount <= 0
  ) {
    return undefined;
  }
  const monthly = region.dailyComputeCost * spotDiscount * DAYS_PER_MONTH;
  return {
    kind: 'spot',
    entityRef: input.entityRef,
    region: region.region,
    summary: `Run on spot capacity in ${region.region}: stateless, ${
      input.tier ?? 'untiered'
    }, ${region.replicas} replicas, ${spotDiscount * 100}% spot discount`,
    ...savings(monthly),
    inputs: {
      tier: input.tier ?? 'none',
      replicas: region.replicas,
      dailyComputeCost: roundTo(region.dailyComputeCost, 4),
      spotDiscount,
    },
    proposal: { capacity: 'spot' },
  };
}

/** @public */
export type ReservedInput = {
  entityRef: string;
  region: RegionCompute;
  /** The percentile of daily replicas taken as the steady baseline, e.g. 0.1. */
  baselinePercentile: number;
  reservedDiscount: number;
  /** Share of the region's baseline already covered by commitments. */
  committedShare: number;
};

/**
 * @public Reserves the replicas the workload never drops below (a low
 * percentile of its daily replicas): that share of its compute, less what
 * commitments already cover, is priced at the reserved discount.
 */
export function reservedRecommendation(
  input: ReservedInput,
): CostRecommendation | undefined {
  const { region, reservedDiscount, committedShare } = input;
  const replicas = region.dailyReplicas;
  if (!replicas.length || reservedDiscount <= 0) return undefined;
  const meanReplicas = replicas.reduce((s, r) => s + r, 0) / replicas.length;
  const baseline = Math.floor(percentile(replicas, input.baselinePercentile));
  if (baseline < 1 || meanReplicas <= 0) return undefined;
  const reservable = (baseline / meanReplicas) * (1 - committedShare);
  const monthly =
    region.dailyComputeCost * reservable * reservedDiscount * DAYS_PER_MONTH;
  if (monthly <= 0) return undefined;
  return {
    kind: 'reserved',
    entityRef: input.entityRef,
    region: region.region,
    summary: `Reserve ${baseline} replica(s) in ${region.region}: the p${
      input.baselinePercentile * 100
    } of daily replicas, at a ${reservedDiscount * 100}% reserved discount`,
    ...savings(monthly),
    inputs: {
      baselineReplicas: baseline,
      meanReplicas: roundTo(meanReplicas, 3),
      dailyComputeCost: roundTo(region.dailyComputeCost, 4),
      reservedDiscount,
      committedShare,
    },
    proposal: { reservedReplicas: baseline },
  };
}

/** @public */
export type HpaMinimumInput = {
  entityRef: string;
  region: string;
  minReplicas: number;
  /** Replicas the quietest day's usage needs at the HPA's CPU target. */
  quietReplicasNeeded: number;
  /** Never propose fewer, e.g. 2 for availability. */
  floor: number;
  /** "Far exceed": propose only when minReplicas is at least this many times the need. */
  ratio: number;
  /** On-demand compute cost of one replica for a day. */
  replicaDailyCost: number;
  /** Hours a day the workload runs at its minimum. */
  quietHoursPerDay: number;
};

/**
 * @public An HPA whose minimum keeps far more replicas than the quiet hours
 * need pays for the difference every quiet hour.
 */
export function hpaMinimumRecommendation(
  input: HpaMinimumInput,
): CostRecommendation | undefined {
  const proposed = Math.max(input.floor, Math.ceil(input.quietReplicasNeeded));
  if (
    input.minReplicas < input.ratio * Math.max(1, input.quietReplicasNeeded) ||
    proposed >= input.minReplicas
  ) {
    return undefined;
  }
  const monthly =
    (input.minReplicas - proposed) *
    input.replicaDailyCost *
    (input.quietHoursPerDay / 24) *
    DAYS_PER_MONTH;
  return {
    kind: 'hpa',
    entityRef: input.entityRef,
    region: input.region,
    summary: `Lower the HPA minimum in ${input.region} from ${input.minReplicas} to ${proposed}: quiet hours need ${input.quietReplicasNeeded}`,
    ...savings(monthly),
    inputs: {
      minReplicas: input.minReplicas,
      quietReplicasNeeded: input.quietReplicasNeeded,
      replicaDailyCost: roundTo(input.replicaDailyCost, 4),
      quietHoursPerDay: input.quietHoursPerDay,
    },
    proposal: { minReplicas: proposed },
  };
}

/** @public The sum of recommendations' savings. */
export function sumSavings(recommendations: readonly CostRecommendation[]) {
  const monthly = recommendations.reduce((s, r) => s + r.monthlySavings, 0);
  return {
    count: recommendations.length,
    monthly: roundTo(monthly, 2),
    annual: roundTo(monthly * 12, 2),
  };
}
