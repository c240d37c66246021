/*
 * Ported from upstream Kubernetes
 * pkg/controller/podautoscaler/metrics/utilization_test.go, with the same
 * numbers, plus the overflow behaviour: sums held at MaxInt64.
 */
import { HpaMetricError } from './errors';
import { MAX_INT64 } from './quantity';
import {
  cappedSum,
  metricUsageRatio,
  resourceUtilizationRatio,
} from './utilization';

const pods = (values: Record<string, bigint>) =>
  new Map(Object.entries(values));

describe('resourceUtilizationRatio', () => {
  it('TestGetResourceUtilizationRatioBaseCase', () => {
    expect(
      resourceUtilizationRatio(
        pods({ 'test-pod-0': 50n, 'test-pod-1': 76n }),
        pods({ 'test-pod-0': 100n, 'test-pod-1': 100n }),
        50,
      ),
    ).toEqual({ usageRatio: 1.26, utilization: 63, rawAverageValue: 63n });
  });

  it('TestGetResourceUtilizationRatioIgnorePodsWithNoRequest', () => {
    expect(
      resourceUtilizationRatio(
        pods({
          'test-pod-0': 50n,
          'test-pod-1': 76n,
          'test-pod-no-request': 100n,
        }),
        pods({ 'test-pod-0': 100n, 'test-pod-1': 100n }),
        50,
      ),
    ).toEqual({ usageRatio: 1.26, utilization: 63, rawAverageValue: 63n });
  });

  it('TestGetResourceUtilizationRatioExtraRequest', () => {
    expect(
      resourceUtilizationRatio(
        pods({ 'test-pod-0': 50n, 'test-pod-1': 76n }),
        pods({
          'test-pod-0': 100n,
          'test-pod-1': 100n,
          'test-pod-extra-request': 500n,
        }),
        50,
      ),
    ).toEqual({ usageRatio: 1.26, utilization: 63, rawAverageValue: 63n });
  });

  it('TestGetResourceUtilizationRatioNoRequests', () => {
    expect(() =>
      resourceUtilizationRatio(
        pods({ 'test-pod-0': 50n, 'test-pod-1': 76n }),
        pods({}),
        50,
      ),
    ).toThrow(new HpaMetricError('no metrics returned matched known pods'));
  });

  it('holds usage and request sums at MaxInt64 instead of wrapping', () => {
    const result = resourceUtilizationRatio(
      pods({ 'test-pod-0': MAX_INT64, 'test-pod-1': MAX_INT64 }),
      pods({ 'test-pod-0': MAX_INT64 / 2n, 'test-pod-1': MAX_INT64 / 2n }),
      100,
    );
    // Both sums cap (the requests' just under): a wrapped sum would read as negative.
    expect(result.utilization).toBe(100);
    expect(result.rawAverageValue).toBe(MAX_INT64 / 2n);
  });

  it('keeps the percentage exact where metricsTotal × 100 passes int64', () => {
    const result = resourceUtilizationRatio(
      pods({ 'test-pod-0': MAX_INT64 / 10n }),
      pods({ 'test-pod-0': MAX_INT64 / 20n }),
      50,
    );
    expect(result.utilization).toBe(200);
    expect(result.usageRatio).toBe(4);
  });
});

describe('metricUsageRatio', () => {
  it('TestGetMetricUsageRatioBaseCase', () => {
    expect(
      metricUsageRatio(
        pods({ 'test-pod-0': 5000n, 'test-pod-1': 10000n }),
        10000n,
      ),
    ).toEqual({ usageRatio: 0.75, usage: 7500n });
  });

  it('averages exactly beyond 2^53', () => {
    const value = 2n ** 60n + 3n;
    expect(
      metricUsageRatio(pods({ a: value, b: value }), 2n ** 60n).usage,
    ).toBe(value);
  });
});

describe('cappedSum', () => {
  it('adds exactly up to MaxInt64 and stops there', () => {
    expect(cappedSum([MAX_INT64 - 1n, 1n])).toBe(MAX_INT64);
    expect(cappedSum([MAX_INT64, 1n, 5n])).toBe(MAX_INT64);
    expect(cappedSum([2n ** 53n, 1n])).toBe(9007199254740993n);
  });
});
