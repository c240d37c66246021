import { formatHistoryChange, formatHistoryValue } from './formatHistoryValue';

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

describe('formatHistoryChange', () => {
  const image = (tag: string) => [
    { container: 'app', image: `meschain/app:${tag}` },
  ];
  const paused = {
    phase: 'Paused',
    paused: true,
    aborted: false,
    currentStepIndex: 1,
    images: image('1.3.5'),
  };

  it('says a promote lifted the pause, not "Paused → Paused"', () => {
    // The patch's answer: pause conditions cleared, the controller's phase not yet updated.
    expect(formatHistoryChange(paused, { ...paused, paused: false })).toBe(
      'Paused, 1 step done → Resuming, 1 step done · meschain/app:1.3.5',
    );
  });

  it('sets a new image against the old one, keeping the unchanged state once', () => {
    const healthy = {
      phase: 'Healthy',
      paused: false,
      aborted: false,
      images: image('1.3.4'),
    };
    expect(
      formatHistoryChange(healthy, { ...healthy, images: image('1.3.5') }),
    ).toBe('Healthy · meschain/app:1.3.4 → meschain/app:1.3.5');
    expect(
      formatHistoryChange(healthy, {
        ...healthy,
        phase: 'Progressing',
        images: image('1.3.5'),
      }),
    ).toBe('Healthy · meschain/app:1.3.4 → Progressing · meschain/app:1.3.5');
  });

  it('says an abort aborted', () => {
    expect(formatHistoryChange(paused, { ...paused, aborted: true })).toBe(
      'Paused, 1 step done → Aborted, 1 step done · meschain/app:1.3.5',
    );
  });

  it('says when the snapshot shows no change yet', () => {
    expect(formatHistoryChange(paused, paused)).toBe(
      'Paused, 1 step done · meschain/app:1.3.5, unchanged when sent',
    );
  });

  it('sets other values against each other as they are', () => {
    expect(formatHistoryChange({ replicas: 2 }, { replicas: 4 })).toBe('2 → 4');
    expect(formatHistoryChange(undefined, undefined)).toBe('—');
  });
});
