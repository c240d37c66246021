import { pausedCanary } from '../__testUtils__/rolloutFixtures';
import { isWorkloadSettled } from './isRolloutSettled';

const now = Date.parse('2026-11-26T12:00:30Z');

describe('isWorkloadSettled', () => {
  it('treats a pause that waits for a promote as settled', () => {
    expect(isWorkloadSettled(pausedCanary, now)).toBe(true);
  });

  it('follows a timed pause until it ends', () => {
    const timed = {
      ...pausedCanary,
      pauseConditions: [
        {
          reason: 'CanaryPauseStep',
          startTime: '2026-11-26T12:00:00Z',
          endsAt: '2026-11-26T12:01:00Z',
        },
      ],
    };
    expect(isWorkloadSettled(timed, now)).toBe(false);
  });

  it('follows a progressing rollout, and settles once healthy or aborted', () => {
    expect(
      isWorkloadSettled({ ...pausedCanary, phase: 'Progressing' }, now),
    ).toBe(false);
    expect(isWorkloadSettled({ ...pausedCanary, phase: 'Healthy' }, now)).toBe(
      true,
    );
    expect(
      isWorkloadSettled(
        { ...pausedCanary, phase: 'Degraded', aborted: true },
        now,
      ),
    ).toBe(true);
  });

  it('follows a blue-green rollout until its old version has scaled down', () => {
    const promoted = {
      ...pausedCanary,
      phase: 'Healthy' as const,
      blueGreen: {
        active: { service: 'order-service', images: [] },
        autoPromotionEnabled: false,
        scaleDownDelaySeconds: 30,
        scaleDownDeadline: '2026-11-26T12:01:00Z',
      },
    };
    expect(isWorkloadSettled(promoted, now)).toBe(false);
    expect(
      isWorkloadSettled(promoted, Date.parse('2026-11-26T12:01:01Z')),
    ).toBe(true);
  });
});
