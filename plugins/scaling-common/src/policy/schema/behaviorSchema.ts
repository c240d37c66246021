/**
 * A policy's behavior override, within the bounds the Kubernetes API server
 * enforces (`validateBehavior` in pkg/apis/autoscaling/validation).
 */
import { choice, closedObject, list, wholeNumber } from './fields';

const MAX_STABILIZATION_WINDOW_SECONDS = 3600;
const MAX_POLICY_PERIOD_SECONDS = 1800;

const ratePolicy = closedObject({
  type: choice(['Pods', 'Percent']),
  value: wholeNumber({ min: 1 }),
  periodSeconds: wholeNumber({
    min: 1,
    max: MAX_POLICY_PERIOD_SECONDS,
    unit: ' s',
  }),
});

const scalingRules = closedObject({
  stabilizationWindowSeconds: wholeNumber({
    min: 0,
    max: MAX_STABILIZATION_WINDOW_SECONDS,
    unit: ' s',
  }).optional(),
  selectPolicy: choice(['Max', 'Min', 'Disabled']).optional(),
  policies: list(ratePolicy)
    .min(
      1,
      'must list at least one policy; leave it out to keep the Kubernetes defaults',
    )
    .optional(),
});

export const behaviorSchema = closedObject({
  scaleUp: scalingRules.optional(),
  scaleDown: scalingRules.optional(),
});
