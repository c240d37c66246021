import { DEFAULT_SCALING_PRESETS } from './presets';
import type { ScalingPolicy } from './types';
import type { ScalingPolicyLimits } from './schema/scalingPolicySchema';
import { validatePolicyShape, validateScalingPolicy } from './validatePolicy';

const CPU_ONLY: ScalingPolicy = {
  minReplicas: 2,
  maxReplicas: 10,
  targets: [{ kind: 'cpu', averageUtilization: 70 }],
};

/** The CPU-only policy with some fields replaced, as a client might send it. */
function policyWith(fields: Record<string, unknown>): unknown {
  return { ...CPU_ONLY, ...fields };
}

function targetWith(target: Record<string, unknown>): unknown {
  return policyWith({ targets: [target] });
}

function behaviorWith(scaleDown: Record<string, unknown>): unknown {
  return policyWith({ behavior: { scaleDown } });
}

const QUEUE_PER_POD = {
  kind: 'custom',
  metric: 'queue_length',
  source: 'External',
  perPod: true,
  value: 30,
};

interface BadInput {
  case: string;
  policy: unknown;
  limits?: ScalingPolicyLimits;
  field: string;
  message: string;
}

describe('validateScalingPolicy', () => {
  it.each<BadInput>([
    {
      case: 'negative minReplicas',
      policy: policyWith({ minReplicas: -1 }),
      field: 'minReplicas',
      message: 'minReplicas must be at least 1; got -1',
    },
    {
      case: 'fractional minReplicas',
      policy: policyWith({ minReplicas: 2.5 }),
      field: 'minReplicas',
      message: 'minReplicas must be a whole number; got 2.5',
    },
    {
      case: 'string minReplicas',
      policy: policyWith({ minReplicas: '2' }),
      field: 'minReplicas',
      message: 'minReplicas must be a whole number; got "2"',
    },
    {
      case: 'missing minReplicas',
      policy: policyWith({ minReplicas: undefined }),
      field: 'minReplicas',
      message: 'minReplicas is required',
    },
    {
      case: 'negative maxReplicas',
      policy: policyWith({ maxReplicas: -3 }),
      field: 'maxReplicas',
      message: 'maxReplicas must be at least 1; got -3',
    },
    {
      case: 'fractional maxReplicas',
      policy: policyWith({ maxReplicas: 7.5 }),
      field: 'maxReplicas',
      message: 'maxReplicas must be a whole number; got 7.5',
    },
    {
      case: 'string maxReplicas',
      policy: policyWith({ maxReplicas: '10' }),
      field: 'maxReplicas',
      message: 'maxReplicas must be a whole number; got "10"',
    },
    {
      case: 'maxReplicas over the tier guard-rail',
      policy: policyWith({ maxReplicas: 40 }),
      limits: { maxReplicas: 20, tier: 'critical' },
      field: 'maxReplicas',
      message: 'maxReplicas must be at most 20 for critical services; got 40',
    },
    {
      case: 'maxReplicas over the guard-rail, no tier',
      policy: policyWith({ maxReplicas: 40 }),
      limits: { maxReplicas: 20 },
      field: 'maxReplicas',
      message:
        'maxReplicas must be at most 20 under the platform guard-rails; got 40',
    },
    {
      case: 'minReplicas greater than maxReplicas',
      policy: policyWith({ minReplicas: 12, maxReplicas: 10 }),
      field: 'minReplicas',
      message: 'minReplicas must be at most maxReplicas (10); got 12',
    },
    {
      case: 'scale to zero without allowZero',
      policy: policyWith({ minReplicas: 0 }),
      field: 'minReplicas',
      message:
        'minReplicas must be at least 1: scaling to zero is not allowed here; got 0',
    },
    {
      case: 'scale to zero on a Resource metric alone',
      policy: policyWith({ minReplicas: 0 }),
      limits: { allowZero: true },
      field: 'minReplicas',
      message:
        'minReplicas can be 0 only when a custom metric is read as Object or External, which still report with no pods running',
    },
    {
      case: 'unknown target kind',
      policy: targetWith({ kind: 'gpu', averageUtilization: 70 }),
      field: 'targets[0].kind',
      message: 'kind must be one of cpu, memory, requests, custom; got "gpu"',
    },
    {
      case: 'unknown custom metric',
      policy: targetWith({ ...QUEUE_PER_POD, metric: 'kafka_lag' }),
      field: 'targets[0].metric',
      message:
        'metric must be one of queue_length, db_connections, marketplace_api_latency_ms; got "kafka_lag"',
    },
    {
      case: 'a 0 % target',
      policy: targetWith({ kind: 'cpu', averageUtilization: 0 }),
      field: 'targets[0].averageUtilization',
      message:
        "averageUtilization must be at least 1 % of the pods' cpu requests; got 0",
    },
    {
      case: 'a target over 1000 %',
      policy: targetWith({ kind: 'memory', averageUtilization: 1500 }),
      field: 'targets[0].averageUtilization',
      message:
        "averageUtilization must be at most 1000 % of the pods' memory requests; got 1500",
    },
    {
      case: 'a fractional target',
      policy: targetWith({ kind: 'cpu', averageUtilization: 70.5 }),
      field: 'targets[0].averageUtilization',
      message: 'averageUtilization must be a whole number; got 70.5',
    },
    {
      case: 'scaleDownBelow at the target',
      policy: targetWith({
        kind: 'cpu',
        averageUtilization: 70,
        scaleDownBelow: 70,
      }),
      field: 'targets[0].scaleDownBelow',
      message: 'scaleDownBelow must be below the 70 % target; got 70',
    },
    {
      case: 'scaleDownBelow of 0 %',
      policy: targetWith({
        kind: 'cpu',
        averageUtilization: 70,
        scaleDownBelow: 0,
      }),
      field: 'targets[0].scaleDownBelow',
      message: 'scaleDownBelow must be at least 1 %; got 0',
    },
    {
      case: 'a misspelt field',
      policy: targetWith({
        kind: 'cpu',
        averageUtilization: 70,
        scaleDownBelov: 30,
      }),
      field: 'targets[0].scaleDownBelov',
      message:
        'scaleDownBelov is not a known field; expected one of kind, averageUtilization, scaleDownBelow',
    },
    {
      case: 'no targets',
      policy: policyWith({ targets: [] }),
      field: 'targets',
      message: 'targets must list at least one metric to scale on',
    },
    {
      case: 'targets that are not a list',
      policy: policyWith({ targets: { kind: 'cpu' } }),
      field: 'targets',
      message: 'targets must be a list; got an object',
    },
    {
      case: 'the same resource twice',
      policy: policyWith({
        targets: [
          { kind: 'cpu', averageUtilization: 70 },
          { kind: 'cpu', averageUtilization: 50 },
        ],
      }),
      field: 'targets[1]',
      message:
        'targets[1] repeats the cpu target of targets[0]; Kubernetes takes one target per metric',
    },
    {
      case: 'the same custom metric twice',
      policy: policyWith({
        targets: [
          QUEUE_PER_POD,
          { kind: 'custom', metric: 'queue_length', source: 'Pods', value: 5 },
        ],
      }),
      field: 'targets[1]',
      message:
        'targets[1] repeats the queue_length target of targets[0]; Kubernetes takes one target per metric',
    },
    {
      case: 'a per-pod source for a service-level metric',
      policy: targetWith({
        kind: 'custom',
        metric: 'marketplace_api_latency_ms',
        source: 'Pods',
        value: 800,
      }),
      field: 'targets[0].source',
      message:
        'source cannot be Pods for marketplace_api_latency_ms; use one of Object, External',
    },
    {
      case: 'a custom metric value of 0',
      policy: targetWith({ ...QUEUE_PER_POD, value: 0 }),
      field: 'targets[0].value',
      message: 'value must be greater than 0; got 0',
    },
    {
      case: 'a custom metric value finer than the HPA compares',
      policy: targetWith({ ...QUEUE_PER_POD, value: 0.0005 }),
      field: 'targets[0].value',
      message:
        'value must be a multiple of 0.001, the finest step the HPA compares; got 0.0005',
    },
    {
      case: 'an External metric without perPod',
      policy: targetWith({ ...QUEUE_PER_POD, perPod: undefined }),
      field: 'targets[0].perPod',
      message: 'perPod is required: true or false',
    },
    {
      case: 'a Pods metric that is not per pod',
      policy: targetWith({ ...QUEUE_PER_POD, source: 'Pods', perPod: false }),
      field: 'targets[0].perPod',
      message:
        'perPod must be true for a Pods metric, which is always averaged over the pods; got false',
    },
    {
      case: 'a described object without a name',
      policy: targetWith({
        ...QUEUE_PER_POD,
        source: 'Object',
        describedObject: { kind: 'Service' },
      }),
      field: 'targets[0].describedObject.name',
      message: 'name is required',
    },
    {
      case: 'an In selector without values',
      policy: targetWith({
        ...QUEUE_PER_POD,
        selector: { matchExpressions: [{ key: 'queue', operator: 'In' }] },
      }),
      field: 'targets[0].selector.matchExpressions[0].values',
      message: 'values must list at least one value for In',
    },
    {
      case: 'no requests per minute',
      policy: targetWith({ kind: 'requests', requestsPerMinutePerReplica: 0 }),
      field: 'targets[0].requestsPerMinutePerReplica',
      message: 'requestsPerMinutePerReplica must be at least 1; got 0',
    },
    {
      case: 'a negative response-time limit',
      policy: targetWith({
        kind: 'requests',
        requestsPerMinutePerReplica: 1000,
        responseTimeLimitMs: -5,
      }),
      field: 'targets[0].responseTimeLimitMs',
      message: 'responseTimeLimitMs must be at least 1 ms; got -5',
    },
    {
      case: 'a stabilization window over an hour',
      policy: behaviorWith({ stabilizationWindowSeconds: 4000 }),
      field: 'behavior.scaleDown.stabilizationWindowSeconds',
      message: 'stabilizationWindowSeconds must be at most 3600 s; got 4000',
    },
    {
      case: 'a negative stabilization window',
      policy: behaviorWith({ stabilizationWindowSeconds: -1 }),
      field: 'behavior.scaleDown.stabilizationWindowSeconds',
      message: 'stabilizationWindowSeconds must be at least 0 s; got -1',
    },
    {
      case: 'an unknown select policy',
      policy: behaviorWith({ selectPolicy: 'Fastest' }),
      field: 'behavior.scaleDown.selectPolicy',
      message: 'selectPolicy must be one of Max, Min, Disabled; got "Fastest"',
    },
    {
      case: 'an empty list of rate policies',
      policy: behaviorWith({ policies: [] }),
      field: 'behavior.scaleDown.policies',
      message:
        'policies must list at least one policy; leave it out to keep the Kubernetes defaults',
    },
    {
      case: 'a rate policy of 0 pods',
      policy: behaviorWith({
        policies: [{ type: 'Pods', value: 0, periodSeconds: 60 }],
      }),
      field: 'behavior.scaleDown.policies[0].value',
      message: 'value must be at least 1; got 0',
    },
    {
      case: 'a rate policy period over 30 minutes',
      policy: behaviorWith({
        policies: [{ type: 'Percent', value: 10, periodSeconds: 2000 }],
      }),
      field: 'behavior.scaleDown.policies[0].periodSeconds',
      message: 'periodSeconds must be at most 1800 s; got 2000',
    },
    {
      case: 'a policy that is not an object',
      policy: 'cpu',
      field: '',
      message: 'A scaling policy must be an object',
    },
  ])('rejects $case', ({ policy, limits, field, message }) => {
    expect(validateScalingPolicy(policy, limits)).toEqual({
      valid: false,
      problems: [{ field, message }],
    });
  });

  it('reports every problem at once, so the editor can mark each field', () => {
    const result = validateScalingPolicy({
      minReplicas: -1,
      maxReplicas: 'ten',
      targets: [
        { kind: 'cpu', averageUtilization: 0 },
        { kind: 'custom', metric: 'kafka_lag', source: 'External', value: 5 },
      ],
    });

    expect(result.valid).toBe(false);
    expect(!result.valid && result.problems.map(p => p.field)).toEqual([
      'minReplicas',
      'maxReplicas',
      'targets[0].averageUtilization',
      'targets[1].metric',
    ]);
  });

  it.each(DEFAULT_SCALING_PRESETS.map(preset => [preset.name, preset]))(
    'accepts the %s preset as it is',
    (_name, preset) => {
      expect(validateScalingPolicy(preset.policy)).toEqual({
        valid: true,
        policy: preset.policy,
      });
    },
  );

  it('accepts scale to zero when allowed and an External metric keeps reporting', () => {
    const policy = { minReplicas: 0, maxReplicas: 5, targets: [QUEUE_PER_POD] };

    expect(validateScalingPolicy(policy, { allowZero: true })).toEqual({
      valid: true,
      policy,
    });
  });

  it('accepts maxReplicas equal to the guard-rail', () => {
    const result = validateScalingPolicy(policyWith({ maxReplicas: 20 }), {
      maxReplicas: 20,
      tier: 'critical',
    });

    expect(result.valid).toBe(true);
  });

  it('returns a copy of every option it understands', () => {
    const policy: ScalingPolicy = {
      minReplicas: 1,
      maxReplicas: 8,
      targets: [
        { kind: 'cpu', averageUtilization: 60, scaleDownBelow: 20 },
        {
          kind: 'custom',
          metric: 'queue_length',
          source: 'External',
          perPod: true,
          value: 12.5,
          selector: {
            matchLabels: { queue: 'orders' },
            matchExpressions: [{ key: 'tier', operator: 'Exists' }],
          },
        },
        {
          kind: 'custom',
          metric: 'db_connections',
          source: 'Object',
          perPod: false,
          value: 200,
          describedObject: { apiVersion: 'v1', kind: 'Service', name: 'db' },
        },
      ],
      behavior: {
        scaleUp: {
          stabilizationWindowSeconds: 0,
          selectPolicy: 'Max',
          policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }],
        },
        scaleDown: { selectPolicy: 'Disabled' },
      },
    };

    const result = validateScalingPolicy(policy);

    expect(result).toEqual({ valid: true, policy });
    expect(result.valid && result.policy.targets).not.toBe(policy.targets);
  });
});

describe('validatePolicyShape', () => {
  it('accepts what some workload’s limits accept, before the workload is known', () => {
    const overTheTierLimit = policyWith({ maxReplicas: 40 });
    const toZero = { minReplicas: 0, maxReplicas: 5, targets: [QUEUE_PER_POD] };

    expect(validatePolicyShape(overTheTierLimit)).toEqual({
      valid: true,
      policy: overTheTierLimit,
    });
    expect(validatePolicyShape(toZero)).toEqual({
      valid: true,
      policy: toZero,
    });
  });

  it('rejects what no workload’s limits accept', () => {
    expect(
      validatePolicyShape(policyWith({ minReplicas: 12, maxReplicas: 10 })),
    ).toEqual({
      valid: false,
      problems: [
        {
          field: 'minReplicas',
          message: 'minReplicas must be at most maxReplicas (10); got 12',
        },
      ],
    });
    expect(validatePolicyShape(policyWith({ minReplicas: 0 }))).toEqual({
      valid: false,
      problems: [
        {
          field: 'minReplicas',
          message:
            'minReplicas can be 0 only when a custom metric is read as Object or External, which still report with no pods running',
        },
      ],
    });
  });
});
