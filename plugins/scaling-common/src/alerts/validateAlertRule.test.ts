import { validateAlertRule } from './validateAlertRule';

const threshold = {
  kind: 'threshold',
  name: 'HighErrorRatio',
  severity: 'critical',
  for: '5m',
  threshold: { signal: 'errorRatio', comparison: 'above', value: 0.05 },
};

const { threshold: _condition, ...common } = threshold;

describe('validateAlertRule', () => {
  it('accepts a rule of each kind', () => {
    expect(validateAlertRule(threshold)).toEqual({
      valid: true,
      rule: threshold,
    });
    expect(
      validateAlertRule({
        kind: 'anomaly',
        name: 'TrafficAnomaly',
        severity: 'warning',
        region: 'eu-west',
        for: '10m',
        anomaly: {
          method: 'zScore',
          signal: 'requestRate',
          comparison: 'above',
          zScore: 3,
        },
      }).valid,
    ).toBe(true);
    expect(
      validateAlertRule({
        kind: 'anomaly',
        name: 'MemoryFillsUp',
        severity: 'info',
        for: '0s',
        anomaly: {
          method: 'predictLinear',
          signal: 'memorySaturation',
          comparison: 'above',
          value: 0.9,
          horizon: '4h',
          lookback: '1h',
        },
      }).valid,
    ).toBe(true);
    expect(
      validateAlertRule({
        kind: 'composite',
        name: 'SlowAndFailing',
        severity: 'critical',
        for: '2m',
        conditions: [
          { signal: 'errorRatio', comparison: 'above', value: 0.01 },
          {
            signal: 'latencyP95',
            comparison: 'above',
            value: 0.5,
            window: '1m',
          },
        ],
      }).valid,
    ).toBe(true);
  });

  it('names the field of each problem', () => {
    expect(
      validateAlertRule({
        ...threshold,
        name: 'high error ratio',
        severity: 'urgent',
        for: '5 minutes',
        threshold: { signal: 'errors', comparison: 'above', value: -1 },
      }),
    ).toEqual({
      valid: false,
      problems: [
        {
          field: 'name',
          message:
            'name must start with a letter and have only letters, digits and _, e.g. HighErrorRatio; got "high error ratio"',
        },
        {
          field: 'severity',
          message:
            'severity must be one of critical, warning, info; got "urgent"',
        },
        {
          field: 'for',
          message:
            'for must be a duration such as 5m or 1h30m; got "5 minutes"',
        },
        {
          field: 'threshold.signal',
          message:
            'signal must be one of requestRate, errorRatio, latencyP50, latencyP95, latencyP99, cpuSaturation, memorySaturation; got "errors"',
        },
        {
          field: 'threshold.value',
          message: 'value must be at least 0; got -1',
        },
      ],
    });
  });

  it('names the condition of a composite rule and the fields of an anomaly', () => {
    const result = validateAlertRule({
      ...common,
      kind: 'composite',
      conditions: [
        { signal: 'errorRatio', comparison: 'above', value: 0.01 },
        { signal: 'latencyP95', comparison: 'over', value: 0.5 },
      ],
    });
    expect(result).toEqual({
      valid: false,
      problems: [
        {
          field: 'conditions[1].comparison',
          message: 'comparison must be one of above, below; got "over"',
        },
      ],
    });
    expect(
      validateAlertRule({
        ...common,
        kind: 'anomaly',
        anomaly: {
          method: 'predictLinear',
          signal: 'cpuSaturation',
          comparison: 'above',
          value: 1,
          horizon: '30d',
          lookback: '1h',
        },
      }),
    ).toEqual({
      valid: false,
      problems: [
        {
          field: 'anomaly.horizon',
          message: 'horizon must be between 5m and 7d; got "30d"',
        },
      ],
    });
  });

  it('refuses a composite rule of one condition, an unknown kind and unknown fields', () => {
    expect(
      validateAlertRule({
        ...common,
        kind: 'composite',
        conditions: [{ signal: 'errorRatio', comparison: 'above', value: 1 }],
      }),
    ).toMatchObject({
      problems: [
        {
          field: 'conditions',
          message:
            'conditions must list at least two conditions; use a threshold rule for one',
        },
      ],
    });
    expect(validateAlertRule({ ...threshold, kind: 'magic' })).toMatchObject({
      problems: [{ field: 'kind' }],
    });
    expect(validateAlertRule({ ...threshold, expr: 'up == 0' })).toMatchObject({
      problems: [{ field: 'expr' }],
    });
    expect(validateAlertRule('rule')).toMatchObject({
      problems: [{ field: '', message: 'An alert rule must be an object' }],
    });
  });
});
