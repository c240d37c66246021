import { formatHistoryValue } from './formatHistoryValue';

describe('formatHistoryValue', () => {
  it.each([
    [undefined, '—'],
    [{ replicas: 4 }, '4'],
    [{ min: 2, max: 20 }, '2 to 20'],
    [
      {
        minReplicas: 2,
        maxReplicas: 20,
        metrics: [{ type: 'Resource' }],
      },
      'HPA 2 to 20, 1 metric',
    ],
    [{ maxReplicas: 5, metrics: [] }, 'HPA 1 to 5, 0 metrics'],
    [
      {
        phase: 'Paused',
        paused: true,
        aborted: false,
        currentStepIndex: 1,
        images: [{ container: 'app', image: 'meschain/app:1.2.3' }],
      },
      'Paused, 1 step done · meschain/app:1.2.3',
    ],
    [
      {
        phase: 'Degraded',
        paused: false,
        aborted: true,
        images: [{ container: 'app', image: 'meschain/app:1.2.4' }],
      },
      'Aborted · meschain/app:1.2.4',
    ],
  ])('shows %j as %s', (value, text) => {
    expect(formatHistoryValue(value)).toBe(text);
  });
});
