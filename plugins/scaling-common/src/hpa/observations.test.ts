import {
  externalMetricSample,
  isSameMetric,
  objectMetricSample,
  podsMetricSamples,
  resourceUsageSamples,
} from './observations';

const NOW = Date.UTC(2025, 0, 15, 12);

describe('isSameMetric', () => {
  it('matches selectors whatever the order of their labels and values', () => {
    expect(
      isSameMetric(
        {
          name: 'queue_depth',
          selector: {
            matchLabels: { queue: 'orders', region: 'eu-west' },
            matchExpressions: [
              { key: 'tier', operator: 'In', values: ['a', 'b'] },
            ],
          },
        },
        {
          name: 'queue_depth',
          selector: {
            matchExpressions: [
              { key: 'tier', operator: 'In', values: ['b', 'a'] },
            ],
            matchLabels: { region: 'eu-west', queue: 'orders' },
          },
        },
      ),
    ).toBe(true);
  });

  it('treats no selector as the empty selector', () => {
    expect(isSameMetric({ name: 'qps' }, { name: 'qps', selector: {} })).toBe(
      true,
    );
  });

  it('tells different selectors and names apart', () => {
    const orders = {
      name: 'depth',
      selector: { matchLabels: { queue: 'orders' } },
    };
    expect(
      isSameMetric(orders, {
        ...orders,
        selector: { matchLabels: { queue: 'sync' } },
      }),
    ).toBe(false);
    expect(isSameMetric(orders, { ...orders, name: 'age' })).toBe(false);
  });
});

describe('resourceUsageSamples', () => {
  it('converts usage to milli-values and fills in the sample time and window', () => {
    const samples = resourceUsageSamples(
      {
        podUsage: {
          a: { usage: { cpu: 250, memory: 1024 } },
          b: { usage: { memory: 2048 } },
        },
      },
      'cpu',
      NOW,
    );
    expect([...samples]).toEqual([
      ['a', { value: 250n, timestamp: NOW, windowSeconds: 15 }],
    ]);
  });

  // TestReplicaCalcResourceMissingMetrics: no metrics returned from metrics API
  it('fails when the metrics API returned nothing for the resource', () => {
    expect(() => resourceUsageSamples({ podUsage: {} }, 'cpu', NOW)).toThrow(
      'unable to get metrics for resource cpu: no metrics returned from resource metrics API',
    );
  });
});

describe('custom and external samples', () => {
  it('reads per-pod values as milli-values', () => {
    const samples = podsMetricSamples(
      { pods: [{ metric: { name: 'rps' }, values: { a: 1.5, b: '250m' } }] },
      { name: 'rps' },
      NOW,
    );
    expect(
      [...samples.entries()].map(([pod, sample]) => [pod, sample.value]),
    ).toEqual([
      ['a', 1500n],
      ['b', 250n],
    ]);
  });

  it('fails for a metric nobody reported', () => {
    expect(() => podsMetricSamples({}, { name: 'rps' }, NOW)).toThrow(
      'unable to get metric rps: no metrics returned from custom metrics API',
    );
    expect(() =>
      objectMetricSample(
        {},
        { kind: 'Queue', name: 'orders' },
        { name: 'depth' },
      ),
    ).toThrow('unable to get metric depth: no value returned for Queue orders');
    expect(() => externalMetricSample({}, { name: 'lag' })).toThrow(
      'unable to get external metric lag: no metrics returned from external metrics API',
    );
  });

  it('matches an object by kind and name, and by apiVersion when both give one', () => {
    const sample = {
      describedObject: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: 'web',
      },
      metric: { name: 'qps' },
      value: 7,
    };
    expect(
      objectMetricSample(
        { object: [sample] },
        { kind: 'Deployment', name: 'web' },
        { name: 'qps' },
      ),
    ).toBe(sample);
    expect(() =>
      objectMetricSample(
        { object: [sample] },
        { apiVersion: 'apps/v2', kind: 'Deployment', name: 'web' },
        { name: 'qps' },
      ),
    ).toThrow();
  });
});
