import { GoldenSignalValues } from '@meschain/backstage-plugin-scaling-common';
import { goldenSignalsCheck } from './goldenSignalsCheck';

const slo = { availability: 99.9, latencyP95Ms: 500, windowDays: 30 };
const healthy: GoldenSignalValues = {
  requestRate: 12,
  errorRatio: 0.0005,
  latencyP50: 0.04,
  latencyP95: 0.2,
  latencyP99: 0.3,
  cpuSaturation: 0.5,
  memorySaturation: 0.6,
};

function check(signals: Partial<GoldenSignalValues>, error?: string) {
  return goldenSignalsCheck({
    region: 'eu-west',
    signals: { ...healthy, ...signals },
    error,
    slo,
    rateWindow: '5m',
    checkedAt: '2026-12-05T12:00:00.000Z',
  });
}

describe('goldenSignalsCheck', () => {
  it('passes within the SLO, with the figures it judged', () => {
    expect(check({})).toEqual({
      id: 'golden-signals',
      title: 'Golden signals against the SLO',
      region: 'eu-west',
      status: 'pass',
      summary: '12.0 req/s within the SLO: 99.9 % available, p95 under 500 ms',
      figures: {
        requestRate: 12,
        errorRatio: 0.0005,
        burnRate: expect.closeTo(0.5, 9),
        latencyP95Ms: 200,
        cpuSaturation: 0.5,
        memorySaturation: 0.6,
        sloAvailability: 99.9,
        sloLatencyP95Ms: 500,
        rateWindow: '5m',
      },
      checkedAt: '2026-12-05T12:00:00.000Z',
    });
  });

  it('warns when errors spend the budget faster than it lasts', () => {
    expect(check({ errorRatio: 0.005 })).toMatchObject({
      status: 'warn',
      summary: '0.5 % of requests fail, more than the 0.1 % budget',
    });
  });

  it('fails at a burn rate that pages', () => {
    expect(check({ errorRatio: 0.2 })).toMatchObject({
      status: 'fail',
      summary:
        '20 % of requests fail, burning the error budget 200.0× as fast as it lasts',
    });
  });

  it('fails with the p95 over its objective', () => {
    expect(check({ latencyP95: 0.75 })).toMatchObject({
      status: 'fail',
      summary: 'p95 latency 750 ms is over the 500 ms objective',
    });
  });

  it('warns with CPU near the requests', () => {
    expect(check({ cpuSaturation: 0.95 })).toMatchObject({
      status: 'warn',
      summary: 'CPU use is 95 % of requests',
    });
  });

  it("warns, with Prometheus' reason, when the signals could not be read", () => {
    expect(
      check(
        { requestRate: null, errorRatio: null },
        'Prometheus of region eu-west could not be reached: connect ECONNREFUSED',
      ),
    ).toMatchObject({
      status: 'warn',
      summary:
        'Could not be checked: Prometheus of region eu-west could not be reached: connect ECONNREFUSED',
    });
  });
});

describe('goldenSignalsCheck against limits', () => {
  it('warns with memory near its limit, and shows use against limits', () => {
    const result = goldenSignalsCheck({
      region: 'eu-west',
      signals: healthy,
      slo,
      rateWindow: '5m',
      limits: { cpu: 0.4, memory: 0.93 },
      checkedAt: '2026-12-05T12:00:00.000Z',
    });
    expect(result).toMatchObject({
      status: 'warn',
      summary: 'Memory use is 93 % of limits',
      figures: { cpuLimitSaturation: 0.4, memoryLimitSaturation: 0.93 },
    });
  });
});
