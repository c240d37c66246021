import {
  applyHpaSpecDefaults,
  resolveBehavior,
  withScaleDownDefaults,
  withScaleUpDefaults,
} from './defaults';
import type {
  HpaScalingPolicy,
  HpaScalingRules,
  HpaSelectPolicy,
} from './types';

interface RulesCase {
  annotation: string;
  pods?: [value: number, periodSeconds: number];
  percent?: [value: number, periodSeconds: number];
  stabilizationWindowSeconds?: number;
  selectPolicy?: HpaSelectPolicy;
  expectedPolicies: HpaScalingPolicy[];
  expectedStabilization?: number;
  expectedSelectPolicy: HpaSelectPolicy;
}

/** Builds the rules the way upstream's defaults_test.go does: policies only when given. */
function rulesOf(testCase: RulesCase): HpaScalingRules {
  const policies: HpaScalingPolicy[] = [];
  if (testCase.pods) {
    const [value, periodSeconds] = testCase.pods;
    policies.push({ type: 'Pods', value, periodSeconds });
  }
  if (testCase.percent) {
    const [value, periodSeconds] = testCase.percent;
    policies.push({ type: 'Percent', value, periodSeconds });
  }
  return {
    stabilizationWindowSeconds: testCase.stabilizationWindowSeconds,
    selectPolicy: testCase.selectPolicy,
    policies: policies.length ? policies : undefined,
  };
}

/*
 * TestGenerateScaleDownRules and TestGenerateScaleUpRules from upstream
 * Kubernetes pkg/apis/autoscaling/v2/defaults_test.go, same values.
 */
describe('withScaleDownDefaults', () => {
  it.each<RulesCase>([
    {
      annotation: 'Default values',
      expectedPolicies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
      expectedSelectPolicy: 'Max',
    },
    {
      annotation: 'All parameters are specified',
      pods: [1, 2],
      percent: [3, 4],
      stabilizationWindowSeconds: 25,
      selectPolicy: 'Max',
      expectedPolicies: [
        { type: 'Pods', value: 1, periodSeconds: 2 },
        { type: 'Percent', value: 3, periodSeconds: 4 },
      ],
      expectedStabilization: 25,
      expectedSelectPolicy: 'Max',
    },
    {
      annotation: 'Percent policy is specified',
      percent: [1, 2],
      selectPolicy: 'Min',
      expectedPolicies: [{ type: 'Percent', value: 1, periodSeconds: 2 }],
      expectedSelectPolicy: 'Min',
    },
    {
      annotation: 'Pods policy is specified',
      pods: [3, 4],
      expectedPolicies: [{ type: 'Pods', value: 3, periodSeconds: 4 }],
      expectedSelectPolicy: 'Max',
    },
  ])('TestGenerateScaleDownRules: $annotation', testCase => {
    const rules = withScaleDownDefaults(rulesOf(testCase));
    expect(rules.policies).toEqual(testCase.expectedPolicies);
    // Left unset: the controller's downscale stabilization flag decides.
    expect(rules.stabilizationWindowSeconds).toBe(
      testCase.expectedStabilization,
    );
    expect(rules.selectPolicy).toBe(testCase.expectedSelectPolicy);
  });
});

describe('withScaleUpDefaults', () => {
  it.each<RulesCase>([
    {
      annotation: 'Default values',
      expectedPolicies: [
        { type: 'Pods', value: 4, periodSeconds: 15 },
        { type: 'Percent', value: 100, periodSeconds: 15 },
      ],
      expectedStabilization: 0,
      expectedSelectPolicy: 'Max',
    },
    {
      annotation: 'All parameters are specified',
      pods: [1, 2],
      percent: [3, 4],
      stabilizationWindowSeconds: 25,
      selectPolicy: 'Max',
      expectedPolicies: [
        { type: 'Pods', value: 1, periodSeconds: 2 },
        { type: 'Percent', value: 3, periodSeconds: 4 },
      ],
      expectedStabilization: 25,
      expectedSelectPolicy: 'Max',
    },
    {
      annotation: 'Pod policy is specified',
      pods: [1, 2],
      selectPolicy: 'Min',
      expectedPolicies: [{ type: 'Pods', value: 1, periodSeconds: 2 }],
      expectedStabilization: 0,
      expectedSelectPolicy: 'Min',
    },
    {
      annotation: 'Percent policy is specified',
      percent: [7, 10],
      expectedPolicies: [{ type: 'Percent', value: 7, periodSeconds: 10 }],
      expectedStabilization: 0,
      expectedSelectPolicy: 'Max',
    },
    {
      annotation: 'Pod policy and stabilization window are specified',
      pods: [4, 2],
      stabilizationWindowSeconds: 25,
      expectedPolicies: [{ type: 'Pods', value: 4, periodSeconds: 2 }],
      expectedStabilization: 25,
      expectedSelectPolicy: 'Max',
    },
    {
      annotation: 'Percent policy and stabilization window are specified',
      percent: [7, 60],
      stabilizationWindowSeconds: 25,
      expectedPolicies: [{ type: 'Percent', value: 7, periodSeconds: 60 }],
      expectedStabilization: 25,
      expectedSelectPolicy: 'Max',
    },
  ])('TestGenerateScaleUpRules: $annotation', testCase => {
    const rules = withScaleUpDefaults(rulesOf(testCase));
    expect(rules.policies).toEqual(testCase.expectedPolicies);
    expect(rules.stabilizationWindowSeconds).toBe(
      testCase.expectedStabilization,
    );
    expect(rules.selectPolicy).toBe(testCase.expectedSelectPolicy);
  });
});

describe('resolveBehavior', () => {
  it("fills the scale-down window from the controller's setting", () => {
    expect(resolveBehavior({}, 120)).toEqual({
      scaleUp: {
        stabilizationWindowSeconds: 0,
        selectPolicy: 'Max',
        policies: [
          { type: 'Pods', value: 4, periodSeconds: 15 },
          { type: 'Percent', value: 100, periodSeconds: 15 },
        ],
      },
      scaleDown: {
        stabilizationWindowSeconds: 120,
        selectPolicy: 'Max',
        policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
      },
    });
  });

  it('keeps a window the spec sets', () => {
    expect(
      resolveBehavior({ scaleDown: { stabilizationWindowSeconds: 60 } }, 300)
        .scaleDown.stabilizationWindowSeconds,
    ).toBe(60);
  });
});

describe('applyHpaSpecDefaults', () => {
  it('sets minReplicas to 1 and the metrics to 80 % CPU, and leaves no behavior alone', () => {
    expect(applyHpaSpecDefaults({ maxReplicas: 10 })).toEqual({
      minReplicas: 1,
      maxReplicas: 10,
      metrics: [
        {
          type: 'Resource',
          resource: {
            name: 'cpu',
            target: { type: 'Utilization', averageUtilization: 80 },
          },
        },
      ],
      behavior: undefined,
    });
  });

  it('completes both directions of a behavior that sets only one', () => {
    const { behavior } = applyHpaSpecDefaults({
      maxReplicas: 10,
      behavior: { scaleDown: { stabilizationWindowSeconds: 600 } },
    });
    expect(behavior?.scaleUp?.policies).toHaveLength(2);
    expect(behavior?.scaleDown).toEqual({
      stabilizationWindowSeconds: 600,
      selectPolicy: 'Max',
      policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
    });
  });
});
