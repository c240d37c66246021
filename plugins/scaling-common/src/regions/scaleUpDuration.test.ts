import { scaleUpDurationSeconds } from './scaleUpDuration';

describe('scaleUpDurationSeconds', () => {
  it('is zero when the workload already has the replicas', () => {
    expect(scaleUpDurationSeconds({ from: 5, to: 3 })).toBe(0);
  });

  it('doubles per sync period, at least to 4, without a behavior', () => {
    // 1 → 4 → 8 → 16 → 20: four sync periods of 15 s.
    expect(scaleUpDurationSeconds({ from: 1, to: 20 })).toBe(60);
  });

  it('follows the default behavior: the larger of +4 pods and +100 % per 15 s', () => {
    // 1 → 5 → 10 → 20 → 22.
    expect(scaleUpDurationSeconds({ from: 1, to: 22, behavior: {} })).toBe(60);
  });

  it('is held back by a slow Pods policy', () => {
    // +1 pod per minute: steps at 15 s, 75 s, 135 s and 195 s.
    expect(
      scaleUpDurationSeconds({
        from: 2,
        to: 6,
        behavior: {
          scaleUp: {
            selectPolicy: 'Max',
            policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }],
          },
        },
      }),
    ).toBe(195);
  });

  it('never gets there when scale-up is disabled', () => {
    expect(
      scaleUpDurationSeconds({
        from: 1,
        to: 3,
        behavior: { scaleUp: { selectPolicy: 'Disabled' } },
      }),
    ).toBeUndefined();
  });
});
