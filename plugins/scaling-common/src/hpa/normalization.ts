/**
 * From the metrics' proposal to the replica count the controller sets:
 * stabilization, then the replica bounds and the scale rate limits
 * (upstream `normalizeDesiredReplicas` and `normalizeDesiredReplicasWithBehaviors`).
 */
import type { ResolvedBehavior } from './defaults';
import {
  legacyScaleUpLimit,
  ScaleEventHistory,
  scaleDownLimit,
  scaleUpLimit,
} from './rateLimits';
import {
  stabilizeDownscale,
  stabilizeWithBehaviorWindows,
} from './stabilization';
import type { TimestampedRecommendation } from './types';

/** The replica count wanted by the metrics, and the bounds it must respect. */
export interface NormalizationRequest {
  currentReplicas: number;
  /** The replica count the metrics propose, before stabilization. */
  desiredReplicas: number;
  minReplicas: number;
  maxReplicas: number;
  now: number;
}

/** A replica count after the limits, with the ScalingLimited reason explaining it. */
export interface LimitedReplicas {
  replicas: number;
  reason: string;
  message: string;
}

/** The outcome of normalization, with the conditions it reports. */
export interface Normalization {
  desiredReplicas: number;
  recommendations: TimestampedRecommendation[];
  ableToScale: { reason: string; message: string };
  scalingLimited: { status: 'True' | 'False'; reason: string; message: string };
}

/** The message the controller reports with each reason. */
const MESSAGES = {
  ReadyForNewScale: 'recommended size matches current size',
  ScaleDownStabilized:
    'recent recommendations were higher than current one, applying the highest recent recommendation',
  DesiredWithinRange: 'the desired count is within the acceptable range',
  TooManyReplicas:
    'the desired replica count is more than the maximum replica count',
  TooFewReplicas:
    'the desired replica count is less than the minimum replica count',
  ScaleUpLimit:
    'the desired replica count is increasing faster than the maximum scale rate',
  ScaleDownLimit:
    'the desired replica count is decreasing faster than the maximum scale rate',
};

function condition(reason: keyof typeof MESSAGES) {
  return { reason, message: MESSAGES[reason] };
}

function limitedBy(
  reason: keyof typeof MESSAGES,
  replicas: number,
): LimitedReplicas {
  return { replicas, ...condition(reason) };
}

/** The lower of maxReplicas and the scale-up limit, with the reason it binds. */
function upperBound(maxReplicas: number, upLimit: number): LimitedReplicas {
  return maxReplicas > upLimit
    ? limitedBy('ScaleUpLimit', upLimit)
    : limitedBy('TooManyReplicas', maxReplicas);
}

/**
 * Bounds for an HPA without a behavior: min and max replicas, and the legacy
 * scale-up cap (upstream `convertDesiredReplicasWithRules`).
 */
export function limitWithoutBehavior(
  currentReplicas: number,
  desiredReplicas: number,
  minReplicas: number,
  maxReplicas: number,
): LimitedReplicas {
  const maximum = upperBound(maxReplicas, legacyScaleUpLimit(currentReplicas));
  if (desiredReplicas < minReplicas) {
    return limitedBy('TooFewReplicas', minReplicas);
  }
  if (desiredReplicas > maximum.replicas) {
    return maximum;
  }
  return limitedBy('DesiredWithinRange', desiredReplicas);
}

/**
 * Bounds for an HPA with a behavior: min and max replicas, and the policies'
 * rate limits given the recent scale events (upstream
 * `convertDesiredReplicasWithBehaviorRate`). Stabilization is applied before.
 */
export function limitWithBehavior(
  request: Omit<NormalizationRequest, 'now'>,
  events: ScaleEventHistory,
  behavior: ResolvedBehavior,
  now: number,
): LimitedReplicas {
  const { currentReplicas, desiredReplicas, minReplicas, maxReplicas } =
    request;
  if (desiredReplicas > currentReplicas) {
    // Recent scale-ups can push the limit below the current count; never shrink for that.
    const maximum = upperBound(
      maxReplicas,
      Math.max(
        scaleUpLimit(currentReplicas, events, behavior.scaleUp, now),
        currentReplicas,
      ),
    );
    if (desiredReplicas > maximum.replicas) {
      return maximum;
    }
  } else if (desiredReplicas < currentReplicas) {
    const downLimit = Math.min(
      scaleDownLimit(currentReplicas, events, behavior.scaleDown, now),
      currentReplicas,
    );
    const minimum =
      minReplicas < downLimit
        ? limitedBy('ScaleDownLimit', downLimit)
        : limitedBy('TooFewReplicas', minReplicas);
    if (desiredReplicas < minimum.replicas) {
      return minimum;
    }
  }
  return limitedBy('DesiredWithinRange', desiredReplicas);
}

function scalingLimitedBy(
  limited: LimitedReplicas,
  stabilizedReplicas: number,
): Normalization['scalingLimited'] {
  return {
    status: limited.replicas === stabilizedReplicas ? 'False' : 'True',
    reason: limited.reason,
    message: limited.message,
  };
}

/** Normalization for an HPA without a behavior. */
export function normalizeWithoutBehavior(
  request: NormalizationRequest,
  recommendations: readonly TimestampedRecommendation[],
  downscaleStabilizationWindowSeconds: number,
): Normalization {
  const { currentReplicas, desiredReplicas, minReplicas, maxReplicas, now } =
    request;
  const stabilized = stabilizeDownscale(
    recommendations,
    desiredReplicas,
    downscaleStabilizationWindowSeconds,
    now,
  );
  const limited = limitWithoutBehavior(
    currentReplicas,
    stabilized.replicas,
    minReplicas,
    maxReplicas,
  );
  return {
    desiredReplicas: limited.replicas,
    recommendations: stabilized.recommendations,
    ableToScale: condition(
      stabilized.replicas === desiredReplicas
        ? 'ReadyForNewScale'
        : 'ScaleDownStabilized',
    ),
    scalingLimited: scalingLimitedBy(limited, stabilized.replicas),
  };
}

/** Normalization for an HPA with a behavior. */
export function normalizeWithBehavior(
  request: NormalizationRequest,
  history: ScaleEventHistory & {
    recommendations: readonly TimestampedRecommendation[];
  },
  behavior: ResolvedBehavior,
): Normalization {
  const { currentReplicas, desiredReplicas, now } = request;
  const stabilized = stabilizeWithBehaviorWindows(history.recommendations, {
    currentReplicas,
    desiredReplicas,
    scaleUpWindowSeconds: behavior.scaleUp.stabilizationWindowSeconds,
    scaleDownWindowSeconds: behavior.scaleDown.stabilizationWindowSeconds,
    now,
  });
  const limited = limitWithBehavior(
    { ...request, desiredReplicas: stabilized.replicas },
    history,
    behavior,
    now,
  );
  return {
    desiredReplicas: limited.replicas,
    recommendations: stabilized.recommendations,
    ableToScale:
      stabilized.replicas === desiredReplicas
        ? condition('ReadyForNewScale')
        : { reason: stabilized.reason, message: stabilized.message },
    scalingLimited: scalingLimitedBy(limited, stabilized.replicas),
  };
}
