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

const READY_FOR_NEW_SCALE = {
  reason: 'ReadyForNewScale',
  message: 'recommended size matches current size',
};

const WITHIN_RANGE = {
  reason: 'DesiredWithinRange',
  message: 'the desired count is within the acceptable range',
};

const TOO_MANY_REPLICAS = {
  reason: 'TooManyReplicas',
  message: 'the desired replica count is more than the maximum replica count',
};

const TOO_FEW_REPLICAS = {
  reason: 'TooFewReplicas',
  message: 'the desired replica count is less than the minimum replica count',
};

const SCALE_UP_LIMIT = {
  reason: 'ScaleUpLimit',
  message:
    'the desired replica count is increasing faster than the maximum scale rate',
};

const SCALE_DOWN_LIMIT = {
  reason: 'ScaleDownLimit',
  message:
    'the desired replica count is decreasing faster than the maximum scale rate',
};

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
  const upLimit = legacyScaleUpLimit(currentReplicas);
  const [maximum, maximumReason] =
    maxReplicas > upLimit
      ? [upLimit, SCALE_UP_LIMIT]
      : [maxReplicas, TOO_MANY_REPLICAS];
  if (desiredReplicas < minReplicas) {
    return { replicas: minReplicas, ...TOO_FEW_REPLICAS };
  }
  if (desiredReplicas > maximum) {
    return { replicas: maximum, ...maximumReason };
  }
  return { replicas: desiredReplicas, ...WITHIN_RANGE };
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
    const upLimit = Math.max(
      scaleUpLimit(currentReplicas, events, behavior.scaleUp, now),
      currentReplicas,
    );
    const [maximum, reason] =
      maxReplicas > upLimit
        ? [upLimit, SCALE_UP_LIMIT]
        : [maxReplicas, TOO_MANY_REPLICAS];
    if (desiredReplicas > maximum) {
      return { replicas: maximum, ...reason };
    }
  } else if (desiredReplicas < currentReplicas) {
    const downLimit = Math.min(
      scaleDownLimit(currentReplicas, events, behavior.scaleDown, now),
      currentReplicas,
    );
    const [minimum, reason] =
      minReplicas < downLimit
        ? [downLimit, SCALE_DOWN_LIMIT]
        : [minReplicas, TOO_FEW_REPLICAS];
    if (desiredReplicas < minimum) {
      return { replicas: minimum, ...reason };
    }
  }
  return { replicas: desiredReplicas, ...WITHIN_RANGE };
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
    ableToScale:
      stabilized.replicas === desiredReplicas
        ? READY_FOR_NEW_SCALE
        : {
            reason: 'ScaleDownStabilized',
            message:
              'recent recommendations were higher than current one, applying the highest recent recommendation',
          },
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
        ? READY_FOR_NEW_SCALE
        : { reason: stabilized.reason, message: stabilized.message },
    scalingLimited: scalingLimitedBy(limited, stabilized.replicas),
  };
}
