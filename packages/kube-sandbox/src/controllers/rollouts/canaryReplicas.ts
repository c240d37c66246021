/**
 * Replica counts of a canary, ported from Argo Rollouts' `utils/replicaset/canary.go`
 * (`CalculateReplicaCountsForBasicCanary`, `approximateWeightedCanaryStableReplicaCounts`,
 * `CalculateReplicaCountsForTrafficRoutedCanary`). Pure arithmetic on counts.
 */

export interface ReplicaSetCounts {
  name: string;
  /** `spec.replicas`. */
  replicas: number;
  /** `status.availableReplicas`. */
  available: number;
}

export interface CanaryCountsInput {
  /** The rollout's `spec.replicas`. */
  replicas: number;
  /** The weight the current step asks for, 0–maxWeight. */
  weight: number;
  maxWeight: number;
  maxSurge: number;
  maxUnavailable: number;
  newRS?: ReplicaSetCounts;
  stableRS?: ReplicaSetCounts;
  /** ReplicaSets that are neither new nor stable. */
  otherRSs: readonly ReplicaSetCounts[];
}

export interface CanaryCounts {
  canary: number;
  stable: number;
}

/** Without traffic routing the weight is the share of pods, surging and draining within limits. */
export function basicCanaryCounts(input: CanaryCountsInput): CanaryCounts {
  const { replicas, weight, maxWeight, maxSurge, newRS, stableRS, otherRSs } =
    input;
  let [desiredCanary, desiredStable] = approximateWeightedCounts(
    replicas,
    weight,
    maxWeight,
    maxSurge,
  );

  let stableCount = 0;
  let canaryCount = newRS?.replicas ?? 0;
  const scaleStable = !!stableRS && (!newRS || newRS.name !== stableRS.name);
  if (scaleStable) {
    stableCount = stableRS!.replicas;
  } else {
    desiredCanary = replicas;
    desiredStable = 0;
  }

  const maxAllowed = replicas + maxSurge;
  const current =
    sum(otherRSs) +
    (newRS?.replicas ?? 0) +
    (scaleStable ? stableRS!.replicas : 0);
  let scaleUp = maxAllowed - current;

  if (scaleStable && stableRS!.replicas < desiredStable && scaleUp > 0) {
    if (stableRS!.replicas + scaleUp < desiredStable) {
      stableCount = stableRS!.replicas + scaleUp;
      scaleUp = 0;
    } else {
      stableCount = desiredStable;
      scaleUp -= desiredStable - stableRS!.replicas;
    }
  }
  if (newRS && newRS.replicas < desiredCanary && scaleUp > 0) {
    canaryCount =
      newRS.replicas + scaleUp < desiredCanary
        ? newRS.replicas + scaleUp
        : desiredCanary;
  }

  if (sum(otherRSs) > 0) return { canary: canaryCount, stable: stableCount };

  const minAvailable = replicas - input.maxUnavailable;
  const increasing = !newRS || desiredCanary >= newRS.replicas;
  const scaleDownable =
    replicasForScaleDown(newRS, !increasing) +
    replicasForScaleDown(scaleStable ? stableRS : undefined, increasing);
  if (scaleDownable <= minAvailable)
    return { canary: canaryCount, stable: stableCount };

  const scaleDown = scaleDownable - minAvailable;
  if (!increasing) {
    canaryCount = scaleDownCount(newRS, desiredCanary, scaleDown, canaryCount);
    [canaryCount, stableCount] = withinLimits(
      newRS,
      scaleStable ? stableRS : undefined,
      canaryCount,
      stableCount,
      maxAllowed,
      minAvailable,
    );
  } else if (scaleStable) {
    stableCount = scaleDownCount(
      stableRS,
      desiredStable,
      scaleDown,
      stableCount,
    );
    [stableCount, canaryCount] = withinLimits(
      stableRS,
      newRS,
      stableCount,
      canaryCount,
      maxAllowed,
      minAvailable,
    );
  }
  return { canary: canaryCount, stable: stableCount };
}

/**
 * With traffic routing the router splits traffic, so the stable stays at full size and the canary
 * gets the weight's share of pods (rounded up), or the count a setCanaryScale step fixes.
 */
export function trafficRoutedCanaryCounts(input: {
  replicas: number;
  weight: number;
  maxWeight: number;
  canaryScale?: number;
}): CanaryCounts {
  const canary =
    input.canaryScale ??
    Math.ceil((input.replicas * input.weight) / input.maxWeight);
  return { canary, stable: input.replicas };
}

/** Canary and stable counts whose ratio comes closest to the weight, allowing one surge pod. */
export function approximateWeightedCounts(
  replicas: number,
  weight: number,
  maxWeight: number,
  maxSurge: number,
): [number, number] {
  if (replicas === 0) return [0, 0];
  const exact = (replicas * weight) / maxWeight;
  const ceil = Math.ceil(exact);
  const floor = Math.floor(exact);
  const zeroAllowed =
    weight === maxWeight || weight === 0 || (replicas === 1 && maxSurge === 0);
  const options: { canary: number; total: number }[] = [];
  if (ceil < replicas || zeroAllowed)
    options.push({ canary: ceil, total: replicas });
  if (!isTied(weight, maxWeight, replicas) && (floor !== 0 || zeroAllowed))
    options.push({ canary: floor, total: replicas });
  if (maxSurge > 0) {
    options.push({ canary: ceil, total: replicas + 1 });
    if (
      !isTied(weight, maxWeight, replicas + 1) &&
      (floor !== 0 || zeroAllowed)
    )
      options.push({ canary: floor, total: replicas + 1 });
  }
  if (!options.length) return [0, replicas];
  const delta = (o: { canary: number; total: number }) =>
    Math.abs((o.canary * maxWeight) / o.total - weight);
  let best = options[0];
  for (const option of options.slice(1)) {
    if (delta(option) < delta(best)) best = option;
  }
  return [best.canary, best.total - best.canary];
}

function isTied(weight: number, maxWeight: number, total: number): boolean {
  const value = total * (weight / maxWeight);
  return value - Math.trunc(value) === 0.5;
}

function replicasForScaleDown(
  rs: ReplicaSetCounts | undefined,
  ignoreAvailability: boolean,
): number {
  if (!rs) return 0;
  if (rs.replicas < rs.available) return rs.replicas;
  return ignoreAvailability ? rs.replicas : rs.available;
}

function scaleDownCount(
  drain: ReplicaSetCounts | undefined,
  desired: number,
  scaleDown: number,
  count: number,
): number {
  return drain && drain.replicas > desired
    ? Math.max(desired, drain.replicas - scaleDown)
    : count;
}

function withinLimits(
  drain: ReplicaSetCounts | undefined,
  adjust: ReplicaSetCounts | undefined,
  drainCount: number,
  adjustCount: number,
  maxAllowed: number,
  minAvailable: number,
): [number, number] {
  if (!adjust) return [drainCount, adjustCount];
  const available = drain ? Math.min(drain.available, drainCount) : 0;
  const trimmed =
    adjustCount - Math.max(0, adjustCount + drainCount - maxAllowed);
  const extra = Math.max(0, adjust.available - trimmed);
  const needed = Math.max(
    0,
    minAvailable - available - Math.min(adjust.available, trimmed),
  );
  const adjusted = trimmed + Math.min(extra, needed);
  return [
    drainCount - Math.max(0, adjusted + drainCount - maxAllowed),
    adjusted,
  ];
}

function sum(replicaSets: readonly ReplicaSetCounts[]): number {
  return replicaSets.reduce((total, rs) => total + rs.replicas, 0);
}
