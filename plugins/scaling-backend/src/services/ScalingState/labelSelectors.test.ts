import type { V1LabelSelectorRequirement } from '@kubernetes/client-node';
import { matchesLabelSelector } from './labelSelectors';

describe('matchesLabelSelector', () => {
  const labels = {
    'app.kubernetes.io/name': 'order-service',
    'rollouts-pod-template-hash': '57d55dd498',
    tier: 'critical',
  };

  it('matches when every matchLabels pair is present', () => {
    expect(
      matchesLabelSelector(
        { matchLabels: { 'app.kubernetes.io/name': 'order-service' } },
        labels,
      ),
    ).toBe(true);
    expect(
      matchesLabelSelector(
        {
          matchLabels: {
            'app.kubernetes.io/name': 'order-service',
            tier: 'standard',
          },
        },
        labels,
      ),
    ).toBe(false);
  });

  const expressions: Array<[V1LabelSelectorRequirement, boolean]> = [
    [{ key: 'tier', operator: 'In', values: ['critical', 'high'] }, true],
    [{ key: 'tier', operator: 'In', values: ['standard'] }, false],
    [{ key: 'tier', operator: 'NotIn', values: ['standard'] }, true],
    [{ key: 'canary', operator: 'NotIn', values: ['true'] }, true],
    [{ key: 'tier', operator: 'Exists' }, true],
    [{ key: 'canary', operator: 'Exists' }, false],
    [{ key: 'canary', operator: 'DoesNotExist' }, true],
    [{ key: 'tier', operator: 'DoesNotExist' }, false],
    // An operator from a newer API version is not understood, so it matches nothing.
    [{ key: 'tier', operator: 'Gt', values: ['1'] }, false],
  ];

  it.each(expressions)(
    'applies the expression %j: %p',
    (expression, expected) => {
      expect(
        matchesLabelSelector({ matchExpressions: [expression] }, labels),
      ).toBe(expected);
    },
  );

  it('needs matchLabels and matchExpressions to hold together', () => {
    expect(
      matchesLabelSelector(
        {
          matchLabels: { 'app.kubernetes.io/name': 'order-service' },
          matchExpressions: [{ key: 'canary', operator: 'Exists' }],
        },
        labels,
      ),
    ).toBe(false);
  });

  it('matches everything with an empty selector and nothing without one, as the API server does', () => {
    expect(matchesLabelSelector({}, labels)).toBe(true);
    expect(matchesLabelSelector({}, undefined)).toBe(true);
    expect(matchesLabelSelector(undefined, labels)).toBe(false);
  });
});
