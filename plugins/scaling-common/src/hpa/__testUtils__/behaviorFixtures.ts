/**
 * Test fixtures mirroring helpers of upstream Kubernetes
 * pkg/controller/podautoscaler/horizontal_test.go.
 */
import type {
  HpaScalingPolicy,
  HpaScalingRules,
  TimestampedScaleEvent,
} from '../types';

/** A fixed evaluation time for deterministic tests. */
export const NOW = Date.UTC(2025, 0, 15, 12);
export const SECOND = 1000;
export const MINUTE = 60 * SECOND;

/**
 * upstream `generateScalingRules`: a Pods policy and a Percent policy (each
 * left out when its value is 0), selectPolicy Max.
 */
export function scalingRules(
  pods: number,
  podsPeriodSeconds: number,
  percent: number,
  percentPeriodSeconds: number,
  stabilizationWindowSeconds: number,
): HpaScalingRules {
  const policies: HpaScalingPolicy[] = [];
  if (pods !== 0) {
    policies.push({
      type: 'Pods',
      value: pods,
      periodSeconds: podsPeriodSeconds,
    });
  }
  if (percent !== 0) {
    policies.push({
      type: 'Percent',
      value: percent,
      periodSeconds: percentPeriodSeconds,
    });
  }
  return {
    stabilizationWindowSeconds,
    selectPolicy: 'Max',
    policies: policies.length ? policies : undefined,
  };
}

/**
 * upstream `generateEventsUniformDistribution`: splits the last
 * `periodSeconds` into one segment per change and puts each change in the
 * middle of its segment, oldest first.
 */
export function eventsUniformlyOver(
  changes: number[],
  periodSeconds: number,
): TimestampedScaleEvent[] {
  const segment = periodSeconds / changes.length;
  return changes.map((replicaChange, index) => ({
    replicaChange,
    timestamp:
      NOW -
      Math.trunc(periodSeconds - segment * (index + 1) + segment / 2) * SECOND,
    outdated: false,
  }));
}
