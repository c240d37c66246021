import { DEFAULT_SCALING_PRESETS, mergeScalingPresets } from './presets';

describe('mergeScalingPresets', () => {
  it('keeps the defaults when nothing is configured', () => {
    expect(mergeScalingPresets(undefined)).toEqual({
      valid: true,
      presets: DEFAULT_SCALING_PRESETS,
    });
  });

  it('changes only the fields an override gives, keeping the preset order', () => {
    const result = mergeScalingPresets({
      cpu: { policy: { maxReplicas: 30 } },
      memory: { description: 'Memory-bound services.' },
    });

    expect(result.valid && result.presets.map(p => p.name)).toEqual([
      'cpu',
      'memory',
      'requests',
      'custom',
    ]);
    expect(result.valid && result.presets[0]).toEqual({
      name: 'cpu',
      description: DEFAULT_SCALING_PRESETS[0].description,
      policy: {
        minReplicas: 2,
        maxReplicas: 30,
        targets: [{ kind: 'cpu', averageUtilization: 70, scaleDownBelow: 30 }],
      },
    });
    expect(result.valid && result.presets[1].description).toBe(
      'Memory-bound services.',
    );
  });

  it('adds a preset under a new name', () => {
    const batch = {
      description: 'Queue workers that may idle at one replica.',
      policy: {
        minReplicas: 1,
        maxReplicas: 40,
        targets: [
          {
            kind: 'custom',
            metric: 'queue_length',
            source: 'External',
            perPod: true,
            value: 100,
          },
        ],
      },
    };

    const result = mergeScalingPresets({ batch });

    expect(result.valid && result.presets.at(-1)).toEqual({
      name: 'batch',
      ...batch,
    });
  });

  it('reports invalid overrides by their config path', () => {
    expect(
      mergeScalingPresets({
        cpu: { policy: { minReplicas: 25 } },
        memory: {
          policy: { targets: [{ kind: 'memory', averageUtilization: 0 }] },
        },
        batch: { policy: { maxReplicas: 5 } },
        requests: { replicas: 3 },
      }),
    ).toEqual({
      valid: false,
      problems: [
        {
          field: 'cpu.policy.minReplicas',
          message: 'minReplicas must be at most maxReplicas (20); got 25',
        },
        {
          field: 'memory.policy.targets[0].averageUtilization',
          message:
            "averageUtilization must be at least 1 % of the pods' memory requests; got 0",
        },
        { field: 'batch.description', message: 'description is required' },
        {
          field: 'batch.policy.minReplicas',
          message: 'minReplicas is required',
        },
        {
          field: 'batch.policy.targets',
          message: 'targets must list at least one metric to scale on',
        },
        {
          field: 'requests.replicas',
          message:
            'replicas is not a known field; expected one of description, policy',
        },
      ],
    });
  });

  it('rejects overrides that are not keyed by preset name', () => {
    expect(mergeScalingPresets([{ name: 'cpu' }])).toEqual({
      valid: false,
      problems: [
        {
          field: '',
          message:
            'Scaling preset overrides must be an object keyed by preset name',
        },
      ],
    });
  });
});
