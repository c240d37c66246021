/**
 * Stabilization windows over past recommendations (upstream
 * `stabilizeRecommendation` and `stabilizeRecommendationWithBehaviors`).
 * Each evaluation records its unstabilized recommendation, reusing the slot
 * of an entry that has aged out of every window.
 */
import type { TimestampedRecommendation } from './types';

const SECOND = 1000;

/** A stabilized recommendation and the updated recommendation log. */
export interface Stabilization {
  replicas: number;
  recommendations: TimestampedRecommendation[];
}

function recordRecommendation(
  recommendations: readonly TimestampedRecommendation[],
  reusableIndex: number,
  replicas: number,
  now: number,
): TimestampedRecommendation[] {
  const next = [...recommendations];
  const entry = { replicas, timestamp: now };
  if (reusableIndex < 0) {
    next.push(entry);
  } else {
    next[reusableIndex] = entry;
  }
  return next;
}

/**
 * Without a behavior: the highest recommendation of the downscale window, so
 * the replica count only drops once every recent evaluation agreed.
 */
export function stabilizeDownscale(
  recommendations: readonly TimestampedRecommendation[],
  desiredReplicas: number,
  windowSeconds: number,
  now: number,
): Stabilization {
  const cutoff = now - windowSeconds * SECOND;
  let replicas = desiredReplicas;
  let reusableIndex = -1;
  recommendations.forEach((recommendation, index) => {
    if (recommendation.timestamp < cutoff) {
      reusableIndex = index;
    } else if (recommendation.replicas > replicas) {
      replicas = recommendation.replicas;
    }
  });
  return {
    replicas,
    recommendations: recordRecommendation(
      recommendations,
      reusableIndex,
      desiredReplicas,
      now,
    ),
  };
}

/** Inputs of {@link stabilizeWithBehaviorWindows}. */
export interface BehaviorStabilizationInput {
  currentReplicas: number;
  desiredReplicas: number;
  scaleUpWindowSeconds: number;
  scaleDownWindowSeconds: number;
  now: number;
}

/** A stabilization with the AbleToScale reason to report when it changed the recommendation. */
export interface BehaviorStabilization extends Stabilization {
  reason: 'ScaleUpStabilized' | 'ScaleDownStabilized';
  message: string;
}

/**
 * With a behavior: the replica count may rise no higher than the lowest
 * recommendation of the scale-up window and fall no lower than the highest
 * recommendation of the scale-down window.
 */
export function stabilizeWithBehaviorWindows(
  recommendations: readonly TimestampedRecommendation[],
  input: BehaviorStabilizationInput,
): BehaviorStabilization {
  const { currentReplicas, desiredReplicas, now } = input;
  const upCutoff = now - input.scaleUpWindowSeconds * SECOND;
  const downCutoff = now - input.scaleDownWindowSeconds * SECOND;

  let scaleUpCeiling = desiredReplicas;
  let scaleDownFloor = desiredReplicas;
  let reusableIndex = -1;
  recommendations.forEach((recommendation, index) => {
    if (recommendation.timestamp > upCutoff) {
      scaleUpCeiling = Math.min(scaleUpCeiling, recommendation.replicas);
    }
    if (recommendation.timestamp > downCutoff) {
      scaleDownFloor = Math.max(scaleDownFloor, recommendation.replicas);
    }
    if (
      recommendation.timestamp < upCutoff &&
      recommendation.timestamp < downCutoff
    ) {
      reusableIndex = index;
    }
  });

  const replicas = Math.min(
    Math.max(currentReplicas, scaleUpCeiling),
    scaleDownFloor,
  );
  const scalingUp = desiredReplicas >= currentReplicas;
  return {
    replicas,
    recommendations: recordRecommendation(
      recommendations,
      reusableIndex,
      desiredReplicas,
      now,
    ),
    reason: scalingUp ? 'ScaleUpStabilized' : 'ScaleDownStabilized',
    message: scalingUp
      ? 'recent recommendations were lower than current one, applying the lowest recent recommendation'
      : 'recent recommendations were higher than current one, applying the highest recent recommendation',
  };
}
