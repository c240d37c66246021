/*
 * Cases ported from upstream Kubernetes
 * pkg/controller/podautoscaler/horizontal_test.go, with the same numbers.
 */
import {
  eventsUniformlyOver,
  NOW,
  scalingRules,
} from './__testUtils__/behaviorFixtures';
import { resolveBehavior } from './defaults';
import {
  limitWithBehavior,
  limitWithoutBehavior,
  normalizeWithBehavior,
  normalizeWithoutBehavior,
} from './normalization';
import { legacyScaleUpLimit } from './rateLimits';
import type { HpaScalingRules, TimestampedScaleEvent } from './types';

describe('limitWithBehavior', () => {
  interface Case {
    name: string;
    scaleUpEvents?: TimestampedScaleEvent[];
    scaleDownEvents?: TimestampedScaleEvent[];
    minReplicas: number;
    maxReplicas: number;
    scaleUp?: HpaScalingRules;
    scaleDown?: HpaScalingRules;
    currentReplicas: number;
    desiredReplicas: number;
    replicas: number;
    reason: string;
  }

  // TestScalingWithRules
  it.each<Case>([
    {
      name: 'prenormalized desired replicas within range',
      currentReplicas: 5,
      desiredReplicas: 7,
      minReplicas: 3,
      maxReplicas: 8,
      replicas: 7,
      reason: 'DesiredWithinRange',
    },
    {
      name: 'prenormalized desired replicas < minReplicas',
      currentReplicas: 3,
      desiredReplicas: 1,
      minReplicas: 2,
      maxReplicas: 8,
      replicas: 2,
      reason: 'TooFewReplicas',
    },
    {
      name: 'prenormalized desired replicas within range when minReplicas is 0',
      currentReplicas: 1,
      desiredReplicas: 0,
      minReplicas: 0,
      maxReplicas: 10,
      replicas: 0,
      reason: 'DesiredWithinRange',
    },
    {
      name: 'maxReplicas is the limit because maxReplicas < scaleUpLimit',
      currentReplicas: 20,
      desiredReplicas: 1000,
      minReplicas: 1,
      maxReplicas: 10,
      replicas: 10,
      reason: 'TooManyReplicas',
    },
    {
      name: 'desired replica count is more than the maximum replica count',
      currentReplicas: 100,
      desiredReplicas: 1000,
      minReplicas: 100,
      maxReplicas: 150,
      replicas: 150,
      reason: 'TooManyReplicas',
    },
    {
      name: 'scaleUpLimit is the limit because scaleUpLimit < maxReplicas with user policies',
      currentReplicas: 3,
      desiredReplicas: 1000,
      minReplicas: 1,
      maxReplicas: 2000,
      scaleUp: scalingRules(0, 0, 1, 60, 0),
      replicas: 4,
      reason: 'ScaleUpLimit',
    },
    {
      // Upstream skips this case (testThis); it holds here.
      name: 'scaleDownLimit is the limit because scaleDownLimit > minReplicas with user defined policies',
      currentReplicas: 1000,
      desiredReplicas: 3,
      minReplicas: 3,
      maxReplicas: 2000,
      scaleDown: scalingRules(20, 60, 0, 0, 0),
      replicas: 980,
      reason: 'ScaleDownLimit',
    },
    {
      name: 'scaleUp with default behavior',
      minReplicas: 1,
      maxReplicas: 1000,
      currentReplicas: 10,
      desiredReplicas: 50,
      replicas: 20,
      reason: 'ScaleUpLimit',
    },
    {
      name: 'scaleUp with pods policy larger than percent policy',
      minReplicas: 1,
      maxReplicas: 1000,
      scaleUp: scalingRules(100, 60, 100, 60, 0),
      currentReplicas: 10,
      desiredReplicas: 500,
      replicas: 110,
      reason: 'ScaleUpLimit',
    },
    {
      name: 'scaleUp with percent policy larger than pods policy',
      minReplicas: 1,
      maxReplicas: 1000,
      scaleUp: scalingRules(2, 60, 100, 60, 0),
      currentReplicas: 10,
      desiredReplicas: 500,
      replicas: 20,
      reason: 'ScaleUpLimit',
    },
    {
      name: 'scaleUp with spec MaxReplicas limitation with large pod policy',
      minReplicas: 1,
      maxReplicas: 1000,
      scaleUp: scalingRules(100, 60, 0, 0, 0),
      currentReplicas: 10,
      desiredReplicas: 50,
      replicas: 50,
      reason: 'DesiredWithinRange',
    },
    {
      name: 'scaleUp with spec MaxReplicas limitation with large percent policy',
      minReplicas: 1,
      maxReplicas: 1000,
      scaleUp: scalingRules(10000, 60, 0, 0, 0),
      currentReplicas: 10,
      desiredReplicas: 50,
      replicas: 50,
      reason: 'DesiredWithinRange',
    },
    {
      name: 'scaleUp with pod policy limitation',
      minReplicas: 1,
      maxReplicas: 1000,
      scaleUp: scalingRules(30, 60, 0, 0, 0),
      currentReplicas: 10,
      desiredReplicas: 50,
      replicas: 40,
      reason: 'ScaleUpLimit',
    },
    {
      name: 'scaleUp with percent policy limitation',
      minReplicas: 1,
      maxReplicas: 1000,
      scaleUp: scalingRules(0, 0, 200, 60, 0),
      currentReplicas: 10,
      desiredReplicas: 50,
      replicas: 30,
      reason: 'ScaleUpLimit',
    },
    {
      name: 'scaleDown with percent policy larger than pod policy',
      minReplicas: 1,
      maxReplicas: 1000,
      scaleDown: scalingRules(20, 60, 1, 60, 300),
      currentReplicas: 100,
      desiredReplicas: 2,
      replicas: 80,
      reason: 'ScaleDownLimit',
    },
    {
      name: 'scaleDown with pod policy larger than percent policy',
      minReplicas: 1,
      maxReplicas: 1000,
      scaleDown: scalingRules(2, 60, 1, 60, 300),
      currentReplicas: 100,
      desiredReplicas: 2,
      replicas: 98,
      reason: 'ScaleDownLimit',
    },
    {
      name: 'scaleDown with spec MinReplicas=nil limitation with large pod policy',
      minReplicas: 1,
      maxReplicas: 1000,
      scaleDown: scalingRules(100, 60, 0, 0, 300),
      currentReplicas: 10,
      desiredReplicas: 0,
      replicas: 1,
      reason: 'TooFewReplicas',
    },
    {
      name: 'scaleDown with spec MinReplicas limitation with large pod policy',
      minReplicas: 1,
      maxReplicas: 1000,
      scaleDown: scalingRules(100, 60, 0, 0, 300),
      currentReplicas: 10,
      desiredReplicas: 0,
      replicas: 1,
      reason: 'TooFewReplicas',
    },
    {
      name: 'scaleDown with spec MinReplicas limitation with large percent policy',
      minReplicas: 5,
      maxReplicas: 1000,
      scaleDown: scalingRules(0, 0, 100, 60, 300),
      currentReplicas: 10,
      desiredReplicas: 2,
      replicas: 5,
      reason: 'TooFewReplicas',
    },
    {
      name: 'scaleDown with pod policy limitation',
      minReplicas: 1,
      maxReplicas: 1000,
      scaleDown: scalingRules(5, 60, 0, 0, 300),
      currentReplicas: 10,
      desiredReplicas: 2,
      replicas: 5,
      reason: 'ScaleDownLimit',
    },
    {
      name: 'scaleDown with percent policy limitation',
      minReplicas: 1,
      maxReplicas: 1000,
      scaleDown: scalingRules(0, 0, 50, 60, 300),
      currentReplicas: 10,
      desiredReplicas: 5,
      replicas: 5,
      reason: 'DesiredWithinRange',
    },
    {
      name: 'scaleUp with spec MaxReplicas limitation with large pod policy and events',
      scaleUpEvents: eventsUniformlyOver([1, 5, 9], 120),
      minReplicas: 1,
      maxReplicas: 200,
      scaleUp: scalingRules(300, 60, 0, 0, 0),
      currentReplicas: 100,
      desiredReplicas: 500,
      replicas: 200, // 200 < 100 - 15 + 300
      reason: 'TooManyReplicas',
    },
    {
      name: 'scaleUp with spec MaxReplicas limitation with large percent policy and events',
      scaleUpEvents: eventsUniformlyOver([1, 5, 9], 120),
      minReplicas: 1,
      maxReplicas: 200,
      scaleUp: scalingRules(0, 0, 10000, 60, 0),
      currentReplicas: 100,
      desiredReplicas: 500,
      replicas: 200,
      reason: 'TooManyReplicas',
    },
    {
      // 120 s ago there were 100 - 15 replicas, and the policy allows 5 more:
      // the limit is below the current count, which is then kept.
      name: 'scaleUp with currentReplicas limitation with rate.PeriodSeconds with a lot of recent scale up events',
      scaleUpEvents: eventsUniformlyOver([1, 5, 9], 120),
      minReplicas: 1,
      maxReplicas: 1000,
      scaleUp: scalingRules(5, 120, 0, 0, 0),
      currentReplicas: 100,
      desiredReplicas: 500,
      replicas: 100,
      reason: 'ScaleUpLimit',
    },
    {
      name: 'scaleUp with pod policy and previous scale up events',
      scaleUpEvents: eventsUniformlyOver([1, 5, 9], 120),
      minReplicas: 1,
      maxReplicas: 1000,
      scaleUp: scalingRules(150, 120, 0, 0, 0),
      currentReplicas: 100,
      desiredReplicas: 500,
      replicas: 235, // 100 - 15 + 150
      reason: 'ScaleUpLimit',
    },
    {
      name: 'scaleUp with percent policy and previous scale up events',
      scaleUpEvents: eventsUniformlyOver([1, 5, 9], 120),
      minReplicas: 1,
      maxReplicas: 1000,
      scaleUp: scalingRules(0, 0, 200, 120, 0),
      currentReplicas: 100,
      desiredReplicas: 500,
      replicas: 255, // (100 - 15) + 200 %
      reason: 'ScaleUpLimit',
    },
    {
      name: 'scaleUp with percent policy and previous scale up and down events',
      scaleUpEvents: eventsUniformlyOver([4], 120),
      scaleDownEvents: eventsUniformlyOver([2], 120),
      minReplicas: 1,
      maxReplicas: 1000,
      scaleUp: scalingRules(0, 0, 300, 300, 0),
      currentReplicas: 6,
      desiredReplicas: 24,
      replicas: 16,
      reason: 'ScaleUpLimit',
    },
    {
      name: 'scaleDown with default policy and previous events',
      scaleDownEvents: eventsUniformlyOver([1, 5, 9], 120),
      minReplicas: 1,
      maxReplicas: 1000,
      currentReplicas: 10,
      desiredReplicas: 5,
      replicas: 5,
      reason: 'DesiredWithinRange',
    },
    {
      name: 'scaleDown with spec MinReplicas=nil limitation with large pod policy and previous events',
      scaleDownEvents: eventsUniformlyOver([1, 5, 9], 120),
      minReplicas: 1,
      maxReplicas: 1000,
      scaleDown: scalingRules(115, 120, 0, 0, 300),
      currentReplicas: 100,
      desiredReplicas: 0,
      replicas: 1,
      reason: 'TooFewReplicas',
    },
    {
      name: 'scaleDown with spec MinReplicas limitation with large pod policy and previous events',
      scaleDownEvents: eventsUniformlyOver([1, 5, 9], 120),
      minReplicas: 5,
      maxReplicas: 1000,
      scaleDown: scalingRules(130, 120, 0, 0, 300),
      currentReplicas: 100,
      desiredReplicas: 0,
      replicas: 5,
      reason: 'TooFewReplicas',
    },
    {
      name: 'scaleDown with spec MinReplicas limitation with large percent policy and previous events',
      scaleDownEvents: eventsUniformlyOver([1, 5, 9], 120),
      minReplicas: 5,
      maxReplicas: 1000,
      scaleDown: scalingRules(0, 0, 100, 120, 300),
      currentReplicas: 100,
      desiredReplicas: 2,
      replicas: 5,
      reason: 'TooFewReplicas',
    },
    {
      name: 'scaleDown with pod policy limitation and previous events',
      scaleDownEvents: eventsUniformlyOver([1, 5, 9], 120),
      minReplicas: 1,
      maxReplicas: 1000,
      scaleDown: scalingRules(5, 120, 0, 0, 300),
      currentReplicas: 100,
      desiredReplicas: 2,
      replicas: 100, // 100 + 15 - 5
      reason: 'ScaleDownLimit',
    },
    {
      name: 'scaleDown with percent policy limitation and previous events',
      scaleDownEvents: eventsUniformlyOver([2, 4, 6], 120),
      minReplicas: 1,
      maxReplicas: 1000,
      scaleDown: scalingRules(0, 0, 50, 120, 300),
      currentReplicas: 100,
      desiredReplicas: 0,
      replicas: 56, // (100 + 12) - 50 %
      reason: 'ScaleDownLimit',
    },
    {
      name: 'scaleDown with percent policy and previous scale up and down events',
      scaleUpEvents: eventsUniformlyOver([2], 120),
      scaleDownEvents: eventsUniformlyOver([4], 120),
      minReplicas: 1,
      maxReplicas: 1000,
      scaleDown: scalingRules(0, 0, 50, 180, 0),
      currentReplicas: 10,
      desiredReplicas: 1,
      replicas: 6,
      reason: 'ScaleDownLimit',
    },
    {
      // (100 + 30) - 10 % = 117 is above the current count, which is then kept.
      name: 'scaleDown with previous events preventing further scale down',
      scaleDownEvents: eventsUniformlyOver([10, 10, 10], 120),
      minReplicas: 1,
      maxReplicas: 1000,
      scaleDown: scalingRules(0, 0, 10, 120, 300),
      currentReplicas: 100,
      desiredReplicas: 0,
      replicas: 100,
      reason: 'ScaleDownLimit',
    },
    {
      // (10 + 30) - 1000 % = -360, below both zero and the 5 the metrics want.
      name: 'scaleDown with with previous events still allowing more scale down',
      scaleDownEvents: eventsUniformlyOver([10, 10, 10], 120),
      minReplicas: 1,
      maxReplicas: 1000,
      scaleDown: scalingRules(0, 0, 1000, 120, 300),
      currentReplicas: 10,
      desiredReplicas: 5,
      replicas: 5,
      reason: 'DesiredWithinRange',
    },
    {
      name: "check 'outdated' flag for events for one behavior for up",
      scaleUpEvents: eventsUniformlyOver([8, 12, 9, 11], 120),
      minReplicas: 1,
      maxReplicas: 1000,
      scaleUp: scalingRules(1000, 60, 0, 0, 0),
      currentReplicas: 100,
      desiredReplicas: 200,
      replicas: 200,
      reason: 'DesiredWithinRange',
    },
    {
      name: "check that events were not marked 'outdated' for two different policies in the behavior for up",
      scaleUpEvents: eventsUniformlyOver([8, 12, 9, 11], 120),
      minReplicas: 1,
      maxReplicas: 1000,
      scaleUp: scalingRules(1000, 120, 100, 60, 0),
      currentReplicas: 100,
      desiredReplicas: 200,
      replicas: 200,
      reason: 'DesiredWithinRange',
    },
    {
      name: "check that events were marked 'outdated' for two different policies in the behavior for up",
      scaleUpEvents: eventsUniformlyOver([8, 12, 9, 11], 120),
      minReplicas: 1,
      maxReplicas: 1000,
      scaleUp: scalingRules(1000, 30, 100, 60, 0),
      currentReplicas: 100,
      desiredReplicas: 200,
      replicas: 200,
      reason: 'DesiredWithinRange',
    },
    {
      name: "check 'outdated' flag for events for one behavior for down",
      scaleDownEvents: eventsUniformlyOver([8, 12, 9, 11], 120),
      minReplicas: 1,
      maxReplicas: 1000,
      scaleDown: scalingRules(1000, 60, 0, 0, 300),
      currentReplicas: 100,
      desiredReplicas: 5,
      replicas: 5,
      reason: 'DesiredWithinRange',
    },
    {
      name: "check that events were not marked 'outdated' for two different policies in the behavior for down",
      scaleDownEvents: eventsUniformlyOver([8, 12, 9, 11], 120),
      minReplicas: 1,
      maxReplicas: 1000,
      scaleDown: scalingRules(1000, 120, 100, 60, 300),
      currentReplicas: 100,
      desiredReplicas: 5,
      replicas: 5,
      reason: 'DesiredWithinRange',
    },
    {
      name: "check that events were marked 'outdated' for two different policies in the behavior for down",
      scaleDownEvents: eventsUniformlyOver([8, 12, 9, 11], 120),
      minReplicas: 1,
      maxReplicas: 1000,
      scaleDown: scalingRules(1000, 30, 100, 60, 300),
      currentReplicas: 100,
      desiredReplicas: 5,
      replicas: 5,
      reason: 'DesiredWithinRange',
    },
  ])('TestScalingWithRules: $name', testCase => {
    const limited = limitWithBehavior(
      testCase,
      {
        scaleUpEvents: testCase.scaleUpEvents ?? [],
        scaleDownEvents: testCase.scaleDownEvents ?? [],
      },
      resolveBehavior(
        { scaleUp: testCase.scaleUp, scaleDown: testCase.scaleDown },
        300,
      ),
      NOW,
    );
    expect(limited).toMatchObject({
      replicas: testCase.replicas,
      reason: testCase.reason,
    });
  });
});

describe('limitWithoutBehavior', () => {
  // TestConvertDesiredReplicasWithRules
  it.each`
    name                                                              | current | desired | min  | max     | replicas                 | reason
    ${'prenormalized desired replicas within range'}                  | ${5}    | ${7}    | ${3} | ${8}    | ${7}                     | ${'DesiredWithinRange'}
    ${'prenormalized desired replicas < minReplicas'}                 | ${3}    | ${1}    | ${2} | ${8}    | ${2}                     | ${'TooFewReplicas'}
    ${'prenormalized desired zeroed replicas within range'}           | ${1}    | ${0}    | ${0} | ${10}   | ${0}                     | ${'DesiredWithinRange'}
    ${'maxReplicas is the limit because maxReplicas < scaleUpLimit'}  | ${20}   | ${1000} | ${1} | ${10}   | ${10}                    | ${'TooManyReplicas'}
    ${'scaleUpLimit is the limit because scaleUpLimit < maxReplicas'} | ${3}    | ${1000} | ${1} | ${2000} | ${legacyScaleUpLimit(3)} | ${'ScaleUpLimit'}
  `(
    'TestConvertDesiredReplicasWithRules: $name',
    ({ current, desired, min, max, replicas, reason }) => {
      expect(limitWithoutBehavior(current, desired, min, max)).toMatchObject({
        replicas,
        reason,
      });
    },
  );

  it('caps a scale-up at twice the current replicas, or 4', () => {
    expect(legacyScaleUpLimit(3)).toBe(6);
    expect(legacyScaleUpLimit(1)).toBe(4);
    expect(legacyScaleUpLimit(0)).toBe(4);
  });
});

describe('normalization', () => {
  const request = {
    currentReplicas: 10,
    desiredReplicas: 50,
    minReplicas: 1,
    maxReplicas: 30,
    now: NOW,
  };

  it('reports a stabilized recommendation as ScaleDownStabilized without a behavior', () => {
    const normalization = normalizeWithoutBehavior(
      { ...request, desiredReplicas: 4 },
      [{ replicas: 8, timestamp: NOW - 60_000 }],
      300,
    );
    expect(normalization).toMatchObject({
      desiredReplicas: 8,
      ableToScale: { reason: 'ScaleDownStabilized' },
      scalingLimited: { status: 'False', reason: 'DesiredWithinRange' },
    });
    expect(normalization.recommendations).toEqual([
      { replicas: 8, timestamp: NOW - 60_000 },
      { replicas: 4, timestamp: NOW },
    ]);
  });

  it('reports ScalingLimited when the legacy scale-up cap applies', () => {
    expect(normalizeWithoutBehavior(request, [], 300)).toMatchObject({
      desiredReplicas: 20,
      ableToScale: { reason: 'ReadyForNewScale' },
      scalingLimited: { status: 'True', reason: 'ScaleUpLimit' },
    });
  });

  it('applies the scale-up stabilization window, then the rate limits', () => {
    const behavior = resolveBehavior(
      { scaleUp: scalingRules(5, 60, 0, 0, 120) },
      300,
    );
    const normalization = normalizeWithBehavior(
      request,
      {
        recommendations: [{ replicas: 40, timestamp: NOW - 60_000 }],
        scaleUpEvents: [],
        scaleDownEvents: [],
      },
      behavior,
    );
    expect(normalization).toMatchObject({
      desiredReplicas: 15,
      ableToScale: { reason: 'ScaleUpStabilized' },
      scalingLimited: { status: 'True', reason: 'ScaleUpLimit' },
    });
  });
});
