import type { CostWindow } from '../schema/openapi';
import type { CostRecommendation, CostSavingsSummary } from './api';

/** @public Days in an average month, so that monthly figures times 12 give the year. */
export const DAYS_PER_MONTH = 365 / 12;

const HOURS_PER_MONTH = 24 * DAYS_PER_MONTH;

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

function mean(values: readonly number[]): number {
  return values.length
    ? values.reduce((sum, value) => sum + value, 0) / values.length
    : 0;
}

/**
 * @public One hour of one service's workloads in one region: averages over
 * the hour, summed over their pods, and what the hour cost.
 */
export type HourlyUsage = {
  /** The hour's start, ISO 8601 in UTC. */
  hour: string;
  region: string;
  cpuRequestCores: number;
  cpuUsageCores: number;
  memoryRequestGiB: number;
  memoryUsageGiB: number;
  cpuCost: number;
  memoryCost: number;
};

/** @public A service's workloads in one region as the cluster last showed them. */
export type RegionWorkloads = {
  region: string;
  replicas: number;
  cpuRequestCoresPerReplica: number;
  memoryRequestGiBPerReplica: number;
  /** Whether any of them keeps state (a StatefulSet, or persistent volumes). */
  stateful: boolean;
  /** The autoscaler's bounds and CPU target, when one scales them. */
  autoscaler?: { minReplicas: number; cpuTargetUtilization: number };
};

/** The on-demand CPU and memory cost of a month at the samples' hourly average. */
function monthlyComputeCost(hours: readonly HourlyUsage[]): number {
  return mean(hours.map(h => h.cpuCost + h.memoryCost)) * HOURS_PER_MONTH;
}

/** Replicas of each hour: the hour's requested cores over one replica's request. */
function hourlyReplicas(
  hours: readonly HourlyUsage[],
  workloads: RegionWorkloads,
): number[] {
  if (workloads.cpuRequestCoresPerReplica <= 0) return [];
  return hours.map(
    h => h.cpuRequestCores / workloads.cpuRequestCoresPerReplica,
  );
}

/** @public */
export type RightSizingInput = {
  entityRef: string;
  /** Every region's hours of the window. */
  hours: HourlyUsage[];
  /** Today's request of one replica, to state the proposal per replica; absent when unknown. */
  perReplica?: { cpuCores: number; memoryGiB: number };
  /** Requests proposed at p95 usage times (1 + headroom). */
  headroom: number;
  /** Smallest saving worth proposing, as a fraction of a resource's request. */
  minReduction: number;
};

const RESOURCES = [
  {
    name: 'cpu',
    unit: 'Cores',
    label: 'CPU',
    request: (h: HourlyUsage) => h.cpuRequestCores,
    usage: (h: HourlyUsage) => h.cpuUsageCores,
    cost: (h: HourlyUsage) => h.cpuCost,
    perReplica: (r: { cpuCores: number }) => r.cpuCores,
  },
  {
    name: 'memory',
    unit: 'GiB',
    label: 'memory',
    request: (h: HourlyUsage) => h.memoryRequestGiB,
    usage: (h: HourlyUsage) => h.memoryUsageGiB,
    cost: (h: HourlyUsage) => h.memoryCost,
    perReplica: (r: { memoryGiB: number }) => r.memoryGiB,
  },
] as const;

/**
 * @public Proposes requests at p95 usage plus headroom, for each resource
 * requested well above it. Usage is taken as a share of the hour's request,
 * so that hours with more replicas weigh like hours with fewer; the p95 of
 * that share, times one replica's request, is what one replica uses. OpenCost
 * charges max(request, usage), so the saving is the cut's share of the
 * resource's cost, at the window's average hourly cost.
 */
export function rightSizingRecommendation(
  input: RightSizingInput,
): CostRecommendation | undefined {
  const { hours, headroom, minReduction, perReplica } = input;
  const windowHours = new Set(hours.map(h => h.hour)).size;
  if (!windowHours) return undefined;
  const inputs: Record<string, number> = { hours: windowHours, headroom };
  const proposal: Record<string, number> = {};
  const reasons: string[] = [];
  let monthly = 0;
  for (const resource of RESOURCES) {
    const requested = hours.filter(h => resource.request(h) > 0);
    if (!requested.length) continue;
    const usedShare = percentile(
      requested.map(h => resource.usage(h) / resource.request(h)),
      0.95,
    );
    const proposedShare = usedShare * (1 + headroom);
    const monthlyCost =
      (hours.reduce((sum, h) => sum + resource.cost(h), 0) / windowHours) *
      HOURS_PER_MONTH;
    inputs[`${resource.name}UsageP95ShareOfRequest`] = roundTo(usedShare, 3);
    inputs[`${resource.name}MonthlyCost`] = roundTo(monthlyCost, 2);
    if (perReplica) {
      inputs[`${resource.name}RequestPerReplica${resource.unit}`] = roundTo(
        resource.perReplica(perReplica),
        3,
      );
    }
    if (proposedShare > 1 - minReduction) continue;
    proposal[`${resource.name}RequestShare`] = roundTo(proposedShare, 3);
    if (perReplica) {
      proposal[`${resource.name}RequestPerReplica${resource.unit}`] = roundTo(
        resource.perReplica(perReplica) * proposedShare,
        3,
      );
    }
    reasons.push(
      `${resource.label} to ${Math.round(proposedShare * 100)}% of its request`,
    );
    monthly += monthlyCost * (1 - proposedShare);
  }
  if (!reasons.length) return undefined;
  return {
    kind: 'right-sizing',
    entityRef: input.entityRef,
    summary: `Cut ${reasons.join(
      ' and ',
    )}: p95 usage over ${windowHours} hours plus ${headroom * 100}% headroom`,
    ...savings(monthly),
    inputs,
    proposal,
  };
}

/** @public */
export type SpotInput = {
  entityRef: string;
  tier?: string;
  /** Tiers that must not run on capacity that can be taken away. */
  criticalTiers: string[];
  workloads: RegionWorkloads;
  /** The region's hours of the window. */
  hours: HourlyUsage[];
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
  const { workloads, spotDiscount } = input;
  if (
    workloads.stateful ||
    (input.tier && input.criticalTiers.includes(input.tier)) ||
    workloads.replicas < 2 ||
    spotDiscount <= 0 ||
    !input.hours.length
  ) {
    return undefined;
  }
  const monthlyCompute = monthlyComputeCost(input.hours);
  return {
    kind: 'spot',
    entityRef: input.entityRef,
    region: workloads.region,
    summary: `Run on spot capacity in ${workloads.region}: stateless, ${
      input.tier ?? 'untiered'
    }, ${workloads.replicas} replicas, ${spotDiscount * 100}% spot discount`,
    ...savings(monthlyCompute * spotDiscount),
    inputs: {
      tier: input.tier ?? 'none',
      replicas: workloads.replicas,
      monthlyComputeCost: roundTo(monthlyCompute, 2),
      spotDiscount,
    },
    proposal: { capacity: 'spot' },
  };
}

/** @public */
export type ReservedInput = {
  entityRef: string;
  workloads: RegionWorkloads;
  /** The region's hours of the window. */
  hours: HourlyUsage[];
  /** The percentile of hourly replicas taken as the steady baseline, e.g. 0.1. */
  baselinePercentile: number;
  reservedDiscount: number;
  /** Share of the region's baseline already covered by commitments. */
  committedShare: number;
};

/**
 * @public Reserves the replicas the workload seldom drops below (a low
 * percentile of its hourly replicas): that share of its compute, less what
 * commitments already cover, is priced at the reserved discount.
 */
export function reservedRecommendation(
  input: ReservedInput,
): CostRecommendation | undefined {
  const { workloads, reservedDiscount, committedShare } = input;
  const replicas = hourlyReplicas(input.hours, workloads);
  if (!replicas.length || reservedDiscount <= 0) return undefined;
  const meanReplicas = mean(replicas);
  const baseline = Math.floor(percentile(replicas, input.baselinePercentile));
  if (baseline < 1 || meanReplicas <= 0) return undefined;
  const reservable = (baseline / meanReplicas) * (1 - committedShare);
  const monthlyCompute = monthlyComputeCost(input.hours);
  const monthly = monthlyCompute * reservable * reservedDiscount;
  if (monthly <= 0) return undefined;
  return {
    kind: 'reserved',
    entityRef: input.entityRef,
    region: workloads.region,
    summary: `Reserve ${baseline} replica(s) in ${workloads.region}: the p${
      input.baselinePercentile * 100
    } of hourly replicas, at a ${reservedDiscount * 100}% reserved discount`,
    ...savings(monthly),
    inputs: {
      hours: replicas.length,
      baselineReplicas: baseline,
      meanReplicas: roundTo(meanReplicas, 3),
      monthlyComputeCost: roundTo(monthlyCompute, 2),
      reservedDiscount,
      committedShare,
    },
    proposal: { reservedReplicas: baseline },
  };
}

/** @public */
export type HpaMinimumInput = {
  entityRef: string;
  workloads: RegionWorkloads;
  /** The region's hours of the window. */
  hours: HourlyUsage[];
  /** The hours of the day, by mean usage the lowest, that count as quiet, e.g. 8. */
  quietHoursPerDay: number;
  /** Never propose fewer, e.g. 2 for availability. */
  floor: number;
  /** "Far exceed": propose only when minReplicas is at least this many times the need. */
  ratio: number;
};

/** The hours of the day (UTC) whose mean CPU usage is lowest; none until every hour of the day was seen. */
function quietHoursOfDay(hours: readonly HourlyUsage[], count: number) {
  const byHourOfDay = new Map<number, number[]>();
  for (const h of hours) {
    const hourOfDay = new Date(h.hour).getUTCHours();
    byHourOfDay.set(hourOfDay, [
      ...(byHourOfDay.get(hourOfDay) ?? []),
      h.cpuUsageCores,
    ]);
  }
  if (byHourOfDay.size < 24) return new Set<number>();
  return new Set(
    [...byHourOfDay]
      .map(([hourOfDay, usage]) => ({ hourOfDay, usage: mean(usage) }))
      .sort((a, b) => a.usage - b.usage || a.hourOfDay - b.hourOfDay)
      .slice(0, count)
      .map(({ hourOfDay }) => hourOfDay),
  );
}

/**
 * @public An HPA whose minimum keeps far more replicas than the quiet hours
 * need pays for the difference every quiet hour. The need is the p95 of the
 * quiet hours' CPU usage at the HPA's CPU target, so that the proposal keeps
 * what the busiest quiet hours use.
 */
export function hpaMinimumRecommendation(
  input: HpaMinimumInput,
): CostRecommendation | undefined {
  const { workloads, hours, floor, ratio } = input;
  const autoscaler = workloads.autoscaler;
  if (!autoscaler || workloads.cpuRequestCoresPerReplica <= 0) return undefined;
  const quiet = quietHoursOfDay(hours, input.quietHoursPerDay);
  const quietHours = hours.filter(h =>
    quiet.has(new Date(h.hour).getUTCHours()),
  );
  if (!quietHours.length) return undefined;
  const quietUsageP95 = percentile(
    quietHours.map(h => h.cpuUsageCores),
    0.95,
  );
  const needed = Math.ceil(
    quietUsageP95 /
      (workloads.cpuRequestCoresPerReplica *
        (autoscaler.cpuTargetUtilization / 100)),
  );
  const proposed = Math.max(floor, needed);
  const { minReplicas } = autoscaler;
  if (minReplicas < ratio * Math.max(1, needed) || proposed >= minReplicas) {
    return undefined;
  }
  const replicas = mean(hourlyReplicas(hours, workloads));
  const replicaHourlyCost =
    replicas > 0 ? monthlyComputeCost(hours) / HOURS_PER_MONTH / replicas : 0;
  const monthly =
    (minReplicas - proposed) * replicaHourlyCost * quiet.size * DAYS_PER_MONTH;
  return {
    kind: 'hpa',
    entityRef: input.entityRef,
    region: workloads.region,
    summary: `Lower the HPA minimum in ${workloads.region} from ${minReplicas} to ${proposed}: the ${quiet.size} quiet hours of the day need ${needed}`,
    ...savings(monthly),
    inputs: {
      minReplicas,
      quietHoursPerDay: quiet.size,
      quietCpuUsageP95Cores: roundTo(quietUsageP95, 3),
      cpuRequestPerReplicaCores: workloads.cpuRequestCoresPerReplica,
      cpuTargetUtilization: autoscaler.cpuTargetUtilization,
      quietReplicasNeeded: needed,
      replicaHourlyCost: roundTo(replicaHourlyCost, 4),
    },
    proposal: { minReplicas: proposed },
  };
}

/** @public The sum of recommendations' savings, and the window they were derived from. */
export function sumSavings(
  recommendations: readonly CostRecommendation[],
  window: CostWindow,
): CostSavingsSummary {
  const monthly = recommendations.reduce((s, r) => s + r.monthlySavings, 0);
  return {
    count: recommendations.length,
    monthly: roundTo(monthly, 2),
    annual: roundTo(monthly * 12, 2),
    window,
  };
}
