/*
 * TestCalculateScaleUpLimitWithScalingRules and
 * TestCalculateScaleDownLimitWithBehaviors from upstream Kubernetes
 * pkg/controller/podautoscaler/horizontal_test.go, plus the Disabled policy.
 */
import { NOW } from './__testUtils__/behaviorFixtures';
import type { ResolvedScalingRules } from './defaults';
import { scaleDownLimit, scaleUpLimit } from './rateLimits';

const noEvents = { scaleUpEvents: [], scaleDownEvents: [] };

const twoPodsOrHalf = (selectPolicy: ResolvedScalingRules['selectPolicy']) => ({
  stabilizationWindowSeconds: 300,
  selectPolicy,
  policies: [
    { type: 'Pods' as const, value: 2, periodSeconds: 60 },
    { type: 'Percent' as const, value: 50, periodSeconds: 60 },
  ],
});

describe('scaleUpLimit', () => {
  it('TestCalculateScaleUpLimitWithScalingRules: Min picks the smaller increase', () => {
    expect(scaleUpLimit(1, noEvents, twoPodsOrHalf('Min'), NOW)).toBe(2);
  });

  it('Max picks the larger increase', () => {
    expect(scaleUpLimit(1, noEvents, twoPodsOrHalf('Max'), NOW)).toBe(3);
  });

  it('Disabled keeps the current replicas', () => {
    expect(scaleUpLimit(7, noEvents, twoPodsOrHalf('Disabled'), NOW)).toBe(7);
  });
});

describe('scaleDownLimit', () => {
  it('TestCalculateScaleDownLimitWithBehaviors: Min picks the smaller decrease', () => {
    expect(scaleDownLimit(5, noEvents, twoPodsOrHalf('Min'), NOW)).toBe(3);
  });

  it('Max picks the larger decrease', () => {
    expect(scaleDownLimit(5, noEvents, twoPodsOrHalf('Max'), NOW)).toBe(2);
  });

  it('Disabled keeps the current replicas', () => {
    expect(scaleDownLimit(5, noEvents, twoPodsOrHalf('Disabled'), NOW)).toBe(5);
  });
});
