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

  it('shows an alert rule by its name and condition, not as JSON', () => {
    const rule = {
      id: '6c2d591c-8a4e-4f0e-9d55-2f1c1f1f0a11',
      entityRef: 'component:default/logging-service',
      name: 'ErrorsAbove5Percent',
      severity: 'warning',
      region: 'tr-central',
      for: '10s',
      kind: 'threshold',
      threshold: { signal: 'errorRatio', comparison: 'above', value: 0.05 },
      updatedBy: 'user:default/guest',
      updatedAt: '2030-01-15T10:00:00.000Z',
    };
    expect(formatHistoryValue(rule)).toBe(
      'ErrorsAbove5Percent: Errors above 5.0 % for 10s',
    );
  });

  it('shows a maintenance window by its times and region', () => {
    const startsAt = new Date('2030-01-15T10:00').toISOString();
    const endsAt = new Date('2030-01-15T12:30').toISOString();
    expect(
      formatHistoryValue({
        id: 'silence-1',
        startsAt,
        endsAt,
        comment: 'Database upgrade',
        region: 'eu-west',
        createdBy: 'user:default/guest',
        status: 'pending',
      }),
    ).toBe(
      `${new Date(startsAt).toLocaleString()} to ${new Date(
        endsAt,
      ).toLocaleString()} in eu-west`,
    );
  });

  it('shows a predictive schedule by its steps and end', () => {
    const until = '2030-01-16T10:00:00.000Z';
    expect(formatHistoryValue({ steps: 12, until })).toBe(
      `12 steps until ${new Date(until).toLocaleString()}`,
    );
  });

  it('counts the objects a template wrote, by kind', () => {
    expect(
      formatHistoryValue({
        entityRef: 'component:default/payments',
        region: 'eu-west',
        changed: [
          'eu-west-1/Deployment/payments',
          'eu-west-1/Service/payments',
          'eu-west-1/HorizontalPodAutoscaler/payments',
        ],
      }),
    ).toBe('3 objects (Deployment, Service, HorizontalPodAutoscaler)');
  });

  it('shows any other record field by field, so it can wrap', () => {
    expect(
      formatHistoryValue({ reason: 'backfill', days: 3, window: { a: 1 } }),
    ).toBe('reason backfill, days 3, window');
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
