import { parse } from 'yaml';
import { DEFAULT_SLO, GoldenSignal, goldenSignalQuery } from '../health';
import {
  promtoolAvailable,
  ruleTestFile,
  runPromtool,
} from './__testUtils__/promtool';
import {
  alertRuleFileYaml,
  AlertedService,
  renderAlertRuleFile,
} from './renderAlertRules';
import { AlertRule, AlertRuleSpec, SignalCondition } from './types';

const service: AlertedService = {
  entityRef: 'component:default/checkout',
  service: 'checkout',
  owner: 'group:default/payments',
};
const portalUrl =
  'http://portal.example/catalog/default/component/checkout/health';

function stored(id: string, spec: AlertRuleSpec): AlertRule {
  return {
    ...spec,
    id,
    entityRef: service.entityRef,
    updatedBy: 'user:default/ada',
    updatedAt: '2026-12-05T10:00:00.000Z',
  };
}

/** The signal's PromQL for the service, as the health view reads it over 5 minutes. */
const signal = (name: GoldenSignal) =>
  goldenSignalQuery(name, { service: 'checkout' });

const requests = (code: string) =>
  `http_requests_total{service="checkout",region="eu-west",code="${code}"}`;

function labelsOf(rule: AlertRule) {
  return {
    service: 'checkout',
    entity_ref: service.entityRef,
    owner: service.owner,
    severity: rule.severity,
    rule_id: rule.id,
    ...(rule.region && { region: rule.region }),
  };
}

function annotationsOf(rules: AlertRule[], id: string) {
  const file = renderAlertRuleFile(service, rules, { portalUrl });
  return file.groups[0].rules.find(rule => rule.labels.rule_id === id)!
    .annotations;
}

/** Renders the rules, checks the file with promtool, then runs the unit tests against it. */
function runRuleTests(rules: AlertRule[], tests: object[]) {
  const file = alertRuleFileYaml(
    renderAlertRuleFile(service, rules, { portalUrl }),
  );
  const check = runPromtool(['check', 'rules', 'rules.yml'], {
    'rules.yml': file,
  });
  if (check.status !== 0) {
    return check;
  }
  return runPromtool(['test', 'rules', 'tests.yml'], {
    'rules.yml': file,
    'tests.yml': ruleTestFile(tests),
  });
}

const PASSED = { status: 0, output: expect.stringContaining('SUCCESS') };

const errorRatioOver5Percent: SignalCondition = {
  signal: 'errorRatio',
  comparison: 'above',
  value: 0.05,
  window: '1m',
};

const highErrorsSpec: AlertRuleSpec = {
  kind: 'threshold',
  name: 'HighErrorRatio',
  severity: 'critical',
  region: 'eu-west',
  for: '2m',
  threshold: errorRatioOver5Percent,
};

const highErrors = stored('r-threshold', highErrorsSpec);

describe('renderAlertRuleFile', () => {
  it('renders a threshold rule labelled for routing and linked to the portal', () => {
    const file = renderAlertRuleFile(service, [highErrors], { portalUrl });
    expect(file.groups).toEqual([
      {
        name: 'component:default/checkout alert rules',
        rules: [
          {
            alert: 'HighErrorRatio',
            expr: `(${goldenSignalQuery(
              'errorRatio',
              { service: 'checkout', region: 'eu-west' },
              '1m',
            )}) > 0.05`,
            for: '2m',
            labels: labelsOf(highErrors),
            annotations: {
              summary:
                'HighErrorRatio on checkout in eu-west: errorRatio above 0.05',
              description: 'errorRatio above 0.05 for 2m in eu-west',
              portal_url: portalUrl,
            },
          },
        ],
      },
    ]);
  });

  it('joins a composite rule’s conditions so that all must hold', () => {
    const file = renderAlertRuleFile(service, [
      stored('r-composite', {
        kind: 'composite',
        name: 'SlowAndBusy',
        severity: 'warning',
        for: '1m',
        conditions: [
          { signal: 'latencyP95', comparison: 'above', value: 0.5 },
          { signal: 'requestRate', comparison: 'below', value: 100 },
        ],
      }),
    ]);
    expect(file.groups[0].rules[0].expr).toBe(
      `((${signal('latencyP95')}) > 0.5) and on() ((${signal(
        'requestRate',
      )}) < 100)`,
    );
  });

  it('compares an anomaly with the same hour last week, or extrapolates its trend', () => {
    const file = renderAlertRuleFile(service, [
      stored('r-z', {
        kind: 'anomaly',
        name: 'TrafficDrop',
        severity: 'info',
        for: '5m',
        anomaly: {
          method: 'zScore',
          signal: 'requestRate',
          comparison: 'below',
          zScore: 3,
        },
      }),
      stored('r-trend', {
        kind: 'anomaly',
        name: 'MemoryFillsUp',
        severity: 'warning',
        for: '5m',
        anomaly: {
          method: 'predictLinear',
          signal: 'memorySaturation',
          comparison: 'above',
          value: 0.9,
          horizon: '4h',
          lookback: '1h',
        },
      }),
    ]);
    const rate = `(${signal('requestRate')})`;
    expect(file.groups[0].rules.map(rule => rule.expr)).toEqual([
      `(${rate} - avg_over_time(${rate}[1h:1m] offset 1w)) / stddev_over_time(${rate}[1h:1m] offset 1w) < -3`,
      `predict_linear((${signal('memorySaturation')})[1h:1m], 14400) > 0.9`,
    ]);
  });

  it('adds the SLO’s multi-window burn-rate alerts: two that page, two that open a ticket', () => {
    const file = renderAlertRuleFile(service, [], { slo: DEFAULT_SLO });
    expect(file.groups).toHaveLength(1);
    const [group] = file.groups;
    expect(group.name).toBe('component:default/checkout SLO burn rates');
    expect(
      group.rules.map(rule => [
        rule.alert,
        rule.labels.severity,
        rule.labels.long_window,
        rule.labels.short_window,
      ]),
    ).toEqual([
      ['SloErrorBudgetBurn', 'critical', '1h', '5m'],
      ['SloErrorBudgetBurn', 'critical', '6h', '30m'],
      ['SloErrorBudgetBurn', 'warning', '1d', '2h'],
      ['SloErrorBudgetBurn', 'warning', '3d', '6h'],
    ]);
    const [threshold] = group.rules[0].expr.match(/(?<=> )[\d.]+/)!;
    expect(Number(threshold)).toBeCloseTo(14.4 * 0.001, 9);
  });

  it('writes YAML that reads back as the same rule file', () => {
    const file = renderAlertRuleFile(service, [highErrors], {
      portalUrl,
      slo: DEFAULT_SLO,
    });
    expect(parse(alertRuleFileYaml(file))).toEqual(file);
  });
});

const describeWithPromtool = promtoolAvailable() ? describe : describe.skip;

describeWithPromtool('rendered rules under promtool', () => {
  it('passes promtool check rules with every kind and the SLO alerts', () => {
    const file = renderAlertRuleFile(
      service,
      [
        highErrors,
        stored('r-2', {
          kind: 'composite',
          name: 'Both',
          severity: 'info',
          for: '0s',
          conditions: [
            { signal: 'cpuSaturation', comparison: 'above', value: 0.8 },
            { signal: 'latencyP99', comparison: 'above', value: 2 },
          ],
        }),
      ],
      { portalUrl, slo: DEFAULT_SLO },
    );
    const check = runPromtool(['check', 'rules', 'rules.yml'], {
      'rules.yml': alertRuleFileYaml(file),
    });
    expect(check.output).toContain('SUCCESS: 6 rules found');
    expect(check.status).toBe(0);
  });

  it('fires a threshold alert once the error ratio has been over its value for the duration', () => {
    const quiet = stored('r-quiet', {
      ...highErrorsSpec,
      name: 'VeryHighErrorRatio',
      threshold: { ...errorRatioOver5Percent, value: 0.5 },
    });
    const rules = [highErrors, quiet];
    expect(
      runRuleTests(rules, [
        {
          interval: '1m',
          input_series: [
            // 10 % of 10 req/s fail from the start.
            { series: requests('5xx'), values: '0+60x20' },
            { series: requests('2xx'), values: '0+540x20' },
          ],
          alert_rule_test: [
            // The 1m rate needs two samples; then it must hold for 2m.
            { eval_time: '2m', alertname: 'HighErrorRatio', exp_alerts: [] },
            {
              eval_time: '5m',
              alertname: 'HighErrorRatio',
              exp_alerts: [
                {
                  exp_labels: labelsOf(highErrors),
                  exp_annotations: annotationsOf(rules, highErrors.id),
                },
              ],
            },
            {
              eval_time: '10m',
              alertname: 'VeryHighErrorRatio',
              exp_alerts: [],
            },
          ],
        },
      ]),
    ).toEqual(PASSED);
  });

  it('fires a composite alert only while all its conditions hold', () => {
    const rule = stored('r-composite', {
      kind: 'composite',
      name: 'FailingUnderLoad',
      severity: 'warning',
      for: '1m',
      conditions: [
        {
          signal: 'errorRatio',
          comparison: 'above',
          value: 0.05,
          window: '1m',
        },
        { signal: 'requestRate', comparison: 'above', value: 20, window: '1m' },
      ],
    });
    expect(
      runRuleTests(
        [rule],
        [
          {
            interval: '1m',
            input_series: [
              // 10 % errors throughout; 10 req/s for 10 minutes, then 30 req/s.
              { series: requests('5xx'), values: '0+60x10 600+180x10' },
              { series: requests('2xx'), values: '0+540x10 5400+1620x10' },
            ],
            alert_rule_test: [
              {
                eval_time: '9m',
                alertname: 'FailingUnderLoad',
                exp_alerts: [],
              },
              {
                eval_time: '15m',
                alertname: 'FailingUnderLoad',
                exp_alerts: [
                  {
                    exp_labels: labelsOf(rule),
                    exp_annotations: annotationsOf([rule], rule.id),
                  },
                ],
              },
            ],
          },
        ],
      ),
    ).toEqual(PASSED);
  });

  it('fires a z-score anomaly when traffic leaves what it was the same hour last week', () => {
    const rule = stored('r-z', {
      kind: 'anomaly',
      name: 'TrafficSurge',
      severity: 'warning',
      for: '5m',
      anomaly: {
        method: 'zScore',
        signal: 'requestRate',
        comparison: 'above',
        zScore: 3,
      },
    });
    // A week and two hours of minutes: 9 or 11 req/s by turns, then 20 req/s for the last 30 minutes.
    const minutes = 7 * 24 * 60 + 120;
    let total = 0;
    const values: number[] = [];
    for (let minute = 0; minute <= minutes; minute++) {
      values.push(total);
      if (minute > minutes - 30) {
        total += 1200;
      } else {
        total += minute % 2 === 0 ? 540 : 660;
      }
    }
    const series = (code: string) =>
      `http_requests_total{service="checkout",region="us-east",code="${code}"}`;
    expect(
      runRuleTests(
        [rule],
        [
          {
            interval: '1m',
            input_series: [
              { series: series('2xx'), values: values.join(' ') },
              { series: series('5xx'), values: `0+0x${minutes}` },
            ],
            alert_rule_test: [
              {
                eval_time: `${minutes - 40}m`,
                alertname: 'TrafficSurge',
                exp_alerts: [],
              },
              {
                eval_time: `${minutes}m`,
                alertname: 'TrafficSurge',
                exp_alerts: [
                  {
                    exp_labels: labelsOf(rule),
                    exp_annotations: annotationsOf([rule], rule.id),
                  },
                ],
              },
            ],
          },
        ],
      ),
    ).toEqual(PASSED);
  });

  it('fires a predict_linear anomaly when memory is on course to pass its value within the horizon', () => {
    const fillsUp = (id: string, name: string, value: number) =>
      stored(id, {
        kind: 'anomaly',
        name,
        severity: 'warning',
        for: '5m',
        anomaly: {
          method: 'predictLinear',
          signal: 'memorySaturation',
          comparison: 'above',
          value,
          horizon: '4h',
          lookback: '30m',
        },
      });
    // 10 % of the request at first, growing 0.1 % a minute: 6 % an hour, 24 % in four.
    const soon = fillsUp('r-soon', 'MemoryFillsUp', 0.3);
    const never = fillsUp('r-never', 'MemoryFillsUpFar', 0.9);
    const rules = [soon, never];
    expect(
      runRuleTests(rules, [
        {
          interval: '1m',
          input_series: [
            {
              series:
                'container_memory_working_set_bytes{service="checkout",pod="checkout-1"}',
              values: '100000000+1000000x60',
            },
            {
              series:
                'kube_pod_container_resource_requests{service="checkout",pod="checkout-1",resource="memory"}',
              values: '1000000000+0x60',
            },
          ],
          alert_rule_test: [
            {
              eval_time: '40m',
              alertname: 'MemoryFillsUp',
              exp_alerts: [
                {
                  exp_labels: labelsOf(soon),
                  exp_annotations: annotationsOf(rules, soon.id),
                },
              ],
            },
            { eval_time: '40m', alertname: 'MemoryFillsUpFar', exp_alerts: [] },
          ],
        },
      ]),
    ).toEqual(PASSED);
  });

  it('pages on a fast burn of the SLO’s budget, over both the hour and the last five minutes', () => {
    const file = alertRuleFileYaml(
      renderAlertRuleFile(service, [], { portalUrl, slo: DEFAULT_SLO }),
    );
    const labels = (long: string, short: string, severity: string) => ({
      service: 'checkout',
      entity_ref: service.entityRef,
      owner: service.owner,
      severity,
      rule_id: `slo-burn-${long}-${short}`,
      long_window: long,
      short_window: short,
    });
    const result = runPromtool(['test', 'rules', 'tests.yml'], {
      'rules.yml': file,
      'tests.yml': ruleTestFile([
        {
          interval: '1m',
          input_series: [
            // 2 % errors, 20 times the 0.1 % budget, for 90 minutes.
            { series: requests('5xx'), values: '0+12x90' },
            { series: requests('2xx'), values: '0+588x90' },
          ],
          alert_rule_test: [
            {
              eval_time: '80m',
              alertname: 'SloErrorBudgetBurn',
              exp_alerts: [
                {
                  exp_labels: labels('1h', '5m', 'critical'),
                  exp_annotations: {
                    summary:
                      'checkout burns its 99.9 % availability budget 14.4× too fast over 1h and 5m',
                    description:
                      'At this rate 2 % of the 30-day error budget is spent within 1h.',
                    portal_url: portalUrl,
                  },
                },
                {
                  exp_labels: labels('6h', '30m', 'critical'),
                  exp_annotations: {
                    summary:
                      'checkout burns its 99.9 % availability budget 6× too fast over 6h and 30m',
                    description:
                      'At this rate 5 % of the 30-day error budget is spent within 6h.',
                    portal_url: portalUrl,
                  },
                },
                {
                  exp_labels: labels('1d', '2h', 'warning'),
                  exp_annotations: {
                    summary:
                      'checkout burns its 99.9 % availability budget 3× too fast over 1d and 2h',
                    description:
                      'At this rate 10 % of the 30-day error budget is spent within 1d.',
                    portal_url: portalUrl,
                  },
                },
                {
                  exp_labels: labels('3d', '6h', 'warning'),
                  exp_annotations: {
                    summary:
                      'checkout burns its 99.9 % availability budget 1× too fast over 3d and 6h',
                    description:
                      'At this rate 10 % of the 30-day error budget is spent within 3d.',
                    portal_url: portalUrl,
                  },
                },
              ],
            },
          ],
        },
      ]),
    });
    expect(result.output).toContain('SUCCESS');
    expect(result.status).toBe(0);
  });
});
