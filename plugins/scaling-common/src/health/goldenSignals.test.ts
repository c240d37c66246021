import {
  fleetGoldenSignalQuery,
  GOLDEN_SIGNALS,
  goldenSignalQuery,
  limitSaturationQuery,
  promLabelValue,
  requestRateByCodeQuery,
} from './goldenSignals';

describe('goldenSignalQuery', () => {
  const checkout = { service: 'checkout', region: 'eu-west' };

  it('reads the request rate as the summed rate of every status code', () => {
    expect(goldenSignalQuery('requestRate', checkout, '1m')).toBe(
      'sum(rate(http_requests_total{service="checkout",region="eu-west"}[1m]))',
    );
  });

  it('reads the error ratio as 5xx responses over all responses', () => {
    expect(goldenSignalQuery('errorRatio', checkout, '5m')).toBe(
      'sum(rate(http_requests_total{service="checkout",region="eu-west",code="5xx"}[5m]))' +
        ' / sum(rate(http_requests_total{service="checkout",region="eu-west"}[5m]))',
    );
  });

  it.each([
    ['latencyP50', '0.5'],
    ['latencyP95', '0.95'],
    ['latencyP99', '0.99'],
  ] as const)('reads %s from the histogram summed by le', (signal, q) => {
    expect(goldenSignalQuery(signal, checkout, '1m')).toBe(
      `histogram_quantile(${q}, sum by (le) (rate(http_request_duration_seconds_bucket{service="checkout",region="eu-west"}[1m])))`,
    );
  });

  it('reads CPU saturation as used cores over requested cores', () => {
    expect(goldenSignalQuery('cpuSaturation', checkout, '2m')).toBe(
      'sum(rate(container_cpu_usage_seconds_total{service="checkout",region="eu-west"}[2m]))' +
        ' / sum(max_over_time(kube_pod_container_resource_requests{service="checkout",region="eu-west",resource="cpu"}[2m]))',
    );
  });

  it('reads memory saturation as the working set over requested memory', () => {
    expect(goldenSignalQuery('memorySaturation', checkout)).toBe(
      'sum(avg_over_time(container_memory_working_set_bytes{service="checkout",region="eu-west"}[5m]))' +
        ' / sum(max_over_time(kube_pod_container_resource_requests{service="checkout",region="eu-west",resource="memory"}[5m]))',
    );
  });

  it('spans every region without one, and narrows to a namespace with one', () => {
    expect(goldenSignalQuery('requestRate', { service: 'checkout' })).toBe(
      'sum(rate(http_requests_total{service="checkout"}[5m]))',
    );
    expect(
      goldenSignalQuery('requestRate', {
        service: 'checkout',
        namespace: 'shop',
      }),
    ).toBe(
      'sum(rate(http_requests_total{service="checkout",namespace="shop"}[5m]))',
    );
  });

  it('escapes label values so a name cannot end the string', () => {
    const query = goldenSignalQuery('requestRate', {
      service: 'a"} or vector(1) #',
      region: 'back\\slash',
    });
    expect(query).toBe(
      'sum(rate(http_requests_total{service="a\\"} or vector(1) #",region="back\\\\slash"}[5m]))',
    );
  });

  it('refuses a window that is not a Prometheus duration', () => {
    expect(() =>
      goldenSignalQuery('requestRate', checkout, '5 minutes'),
    ).toThrow('"5 minutes" is not a Prometheus duration such as 5m or 1h');
    expect(() =>
      goldenSignalQuery('requestRate', checkout, '1m]) or vector(1'),
    ).toThrow(/not a Prometheus duration/);
  });

  it('refuses a selector without a service', () => {
    expect(() => goldenSignalQuery('requestRate', { service: '' })).toThrow(
      'A golden signal needs the service label to select on',
    );
  });

  it('has a query for every signal', () => {
    for (const signal of GOLDEN_SIGNALS) {
      expect(goldenSignalQuery(signal, checkout)).toContain(
        'service="checkout"',
      );
    }
  });
});

describe('promLabelValue', () => {
  it('escapes newlines, quotes and backslashes', () => {
    expect(promLabelValue('a\nb"c\\')).toBe('"a\\nb\\"c\\\\"');
  });
});

describe('requestRateByCodeQuery', () => {
  it('splits the request rate by status code class', () => {
    expect(
      requestRateByCodeQuery({ service: 'checkout', region: 'eu-west' }, '1h'),
    ).toBe(
      'sum by (code) (rate(http_requests_total{service="checkout",region="eu-west"}[1h]))',
    );
  });
});

describe('limitSaturationQuery', () => {
  it('reads use against limits over the pods that have one', () => {
    const checkout = { service: 'checkout', region: 'eu-west' };
    expect(limitSaturationQuery('cpu', checkout, '1m')).toBe(
      'sum(rate(container_cpu_usage_seconds_total{service="checkout",region="eu-west"}[1m])' +
        ' and on (cluster, namespace, pod) max_over_time(kube_pod_container_resource_limits{service="checkout",region="eu-west",resource="cpu"}[1m]))' +
        ' / sum(max_over_time(kube_pod_container_resource_limits{service="checkout",region="eu-west",resource="cpu"}[1m]))',
    );
    expect(limitSaturationQuery('memory', checkout)).toBe(
      'sum(avg_over_time(container_memory_working_set_bytes{service="checkout",region="eu-west"}[5m])' +
        ' and on (cluster, namespace, pod) max_over_time(kube_pod_container_resource_limits{service="checkout",region="eu-west",resource="memory"}[5m]))' +
        ' / sum(max_over_time(kube_pod_container_resource_limits{service="checkout",region="eu-west",resource="memory"}[5m]))',
    );
  });
});

describe('fleetGoldenSignalQuery', () => {
  it('reads the error ratio of every service and region in one query', () => {
    expect(fleetGoldenSignalQuery('errorRatio', '5m')).toBe(
      'sum by (service, region) (rate(http_requests_total{code="5xx"}[5m]))' +
        ' / sum by (service, region) (rate(http_requests_total[5m]))',
    );
  });

  it('reads the p95 latency from the histogram summed by service, region and le', () => {
    expect(fleetGoldenSignalQuery('latencyP95', '1m')).toBe(
      'histogram_quantile(0.95, sum by (service, region, le) (rate(http_request_duration_seconds_bucket[1m])))',
    );
  });

  it('reads the request rate by service and region', () => {
    expect(fleetGoldenSignalQuery('requestRate')).toBe(
      'sum by (service, region) (rate(http_requests_total[5m]))',
    );
  });

  it('refuses a window that is not a Prometheus duration', () => {
    expect(() => fleetGoldenSignalQuery('errorRatio', 'five minutes')).toThrow(
      '"five minutes" is not a Prometheus duration such as 5m or 1h',
    );
  });
});
