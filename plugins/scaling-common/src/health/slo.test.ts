import { Entity } from '@backstage/catalog-model';
import {
  burnRate,
  errorBudget,
  errorBudgetRemaining,
  serviceSlo,
  SloAnnotationError,
} from './slo';

function service(annotations: Record<string, string> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout', namespace: 'default', annotations },
    spec: { type: 'service' },
  };
}

describe('serviceSlo', () => {
  it('takes the configured defaults when the service declares nothing', () => {
    expect(
      serviceSlo(service(), { availability: 99.5, windowDays: 28 }),
    ).toEqual({ availability: 99.5, latencyP95Ms: 500, windowDays: 28 });
  });

  it('prefers the annotations over the defaults', () => {
    expect(
      serviceSlo(
        service({
          'meschain.io/slo-availability': '99.95',
          'meschain.io/slo-latency-p95-ms': '250',
        }),
        { availability: 99, latencyP95Ms: 800 },
      ),
    ).toEqual({ availability: 99.95, latencyP95Ms: 250, windowDays: 30 });
  });

  it.each([
    [
      'meschain.io/slo-availability',
      '100',
      'a percentage above 0 and below 100, e.g. "99.9"',
    ],
    [
      'meschain.io/slo-availability',
      '99.9%',
      'a percentage above 0 and below 100, e.g. "99.9"',
    ],
    [
      'meschain.io/slo-availability',
      '',
      'a percentage above 0 and below 100, e.g. "99.9"',
    ],
    [
      'meschain.io/slo-latency-p95-ms',
      '-5',
      'a positive number of milliseconds, e.g. "500"',
    ],
    [
      'meschain.io/slo-latency-p95-ms',
      '500ms',
      'a positive number of milliseconds, e.g. "500"',
    ],
  ])(
    'names the entity, annotation and value of a bad %s "%s"',
    (annotation, value, expected) => {
      const read = () => serviceSlo(service({ [annotation]: value }));
      expect(read).toThrow(SloAnnotationError);
      expect(read).toThrow(
        `The ${annotation} annotation of component:default/checkout is "${value}"; expected ${expected}`,
      );
    },
  );
});

describe('error budget arithmetic', () => {
  const slo = { availability: 99.9 };

  it('allows the complement of the availability to fail', () => {
    expect(errorBudget(slo)).toBeCloseTo(0.001, 12);
  });

  it('burns at the error ratio over the budget', () => {
    expect(burnRate(0.0144, slo)).toBeCloseTo(14.4, 9);
    expect(burnRate(0, slo)).toBe(0);
    expect(burnRate(null, slo)).toBeUndefined();
    expect(burnRate(NaN, slo)).toBeUndefined();
  });

  it('leaves the unspent share of the budget, never below none', () => {
    expect(errorBudgetRemaining(0.00025, slo)).toBeCloseTo(0.75, 9);
    expect(errorBudgetRemaining(0.002, slo)).toBe(0);
    expect(errorBudgetRemaining(undefined, slo)).toBe(1);
  });
});
