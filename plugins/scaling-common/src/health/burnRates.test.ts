import {
  burnRateAlertQuery,
  burnRateWindows,
  errorRatioQuery,
  firingBurnRateAlerts,
  isBurnRateWindow,
} from './burnRates';

describe('burnRateWindows', () => {
  it('is the SRE workbook table for a 30-day budget', () => {
    expect(burnRateWindows()).toEqual([
      {
        severity: 'page',
        longWindow: '1h',
        shortWindow: '5m',
        factor: 14.4,
        budgetConsumed: 0.02,
      },
      {
        severity: 'page',
        longWindow: '6h',
        shortWindow: '30m',
        factor: 6,
        budgetConsumed: 0.05,
      },
      {
        severity: 'ticket',
        longWindow: '1d',
        shortWindow: '2h',
        factor: 3,
        budgetConsumed: 0.1,
      },
      {
        severity: 'ticket',
        longWindow: '3d',
        shortWindow: '6h',
        factor: 1,
        budgetConsumed: 0.1,
      },
    ]);
  });

  it('scales the factors with the SLO window so each spends the same share', () => {
    expect(burnRateWindows(7).map(w => w.factor)).toEqual([
      3.36, 1.4, 0.7, 0.233,
    ]);
  });
});

describe('errorRatioQuery', () => {
  it('reads the error ratio over the window, up to the whole SLO window', () => {
    expect(
      errorRatioQuery({ service: 'checkout', region: 'us-east' }, '30d'),
    ).toBe(
      'sum(rate(http_requests_total{service="checkout",region="us-east",code="5xx"}[30d]))' +
        ' / sum(rate(http_requests_total{service="checkout",region="us-east"}[30d]))',
    );
  });
});

describe('burnRateAlertQuery', () => {
  it('requires both windows over the factor times the budget', () => {
    const [fast] = burnRateWindows();
    const ratio = (w: string) =>
      `sum(rate(http_requests_total{service="checkout",code="5xx"}[${w}])) / sum(rate(http_requests_total{service="checkout"}[${w}]))`;
    const threshold = 0.0144;
    expect(
      burnRateAlertQuery(fast, { service: 'checkout' }, { availability: 99.9 }),
    ).toBe(
      `((${ratio('1h')}) > ${threshold}) and ((${ratio('5m')}) > ${threshold})`,
    );
  });
});

describe('firingBurnRateAlerts', () => {
  it('fires a page when the hour and the last five minutes both burn over 14.4', () => {
    const firing = firingBurnRateAlerts([
      { window: '5m', rate: 50 },
      { window: '1h', rate: 15 },
      { window: '30m', rate: 50 },
      { window: '6h', rate: 2.5 },
    ]);
    expect(firing.map(f => [f.severity, f.longWindow, f.shortWindow])).toEqual([
      ['page', '1h', '5m'],
    ]);
  });

  it('stops once the short window recovers, though the long one still burns', () => {
    expect(
      firingBurnRateAlerts([
        { window: '5m', rate: 0 },
        { window: '1h', rate: 20 },
      ]),
    ).toEqual([]);
  });

  it('does not fire without traffic to read a rate from', () => {
    expect(
      firingBurnRateAlerts([
        { window: '5m', rate: undefined },
        { window: '1h', rate: 20 },
      ]),
    ).toEqual([]);
  });
});

describe('isBurnRateWindow', () => {
  it('knows the windows of the table only', () => {
    expect(isBurnRateWindow('2h')).toBe(true);
    expect(isBurnRateWindow('12h')).toBe(false);
  });
});
