import { ConfigReader } from '@backstage/config';
import { DEFAULT_SCALING_PRESETS } from '@meschain/backstage-plugin-scaling-common';
import {
  isRegionAllowed,
  readScalingGuardRails,
  readScalingPresets,
  replicaLimitFor,
} from './scalingSettings';

describe('scaling settings', () => {
  it('reads the guard-rails and applies the tier’s own limit when it has one', () => {
    const settings = readScalingGuardRails(
      new ConfigReader({
        scaling: {
          guardRails: {
            maxReplicasByTier: { critical: 25, standard: 15 },
            defaultMaxReplicas: 10,
            allowedRegions: ['eu-west'],
          },
        },
      }),
    );
    expect(replicaLimitFor(settings, 'critical')).toEqual({
      maxReplicas: 25,
      tier: 'critical',
    });
    expect(replicaLimitFor(settings, 'experimental')).toEqual({
      maxReplicas: 10,
    });
    expect(replicaLimitFor(settings, undefined)).toEqual({ maxReplicas: 10 });
    expect(isRegionAllowed(settings, 'eu-west')).toBe(true);
    expect(isRegionAllowed(settings, 'us-east')).toBe(false);
  });

  it('allows every region and a default limit when config sets none', () => {
    const settings = readScalingGuardRails(new ConfigReader({}));
    expect(settings).toEqual({
      maxReplicasByTier: {},
      defaultMaxReplicas: 30,
      allowedRegions: [],
    });
    expect(isRegionAllowed(settings, 'anywhere')).toBe(true);
  });

  it('merges configured presets over the built-in ones', () => {
    const presets = readScalingPresets(
      new ConfigReader({
        scaling: { presets: { cpu: { policy: { maxReplicas: 12 } } } },
      }),
    );
    expect(presets.map(p => p.name)).toEqual(
      DEFAULT_SCALING_PRESETS.map(p => p.name),
    );
    expect(presets.find(p => p.name === 'cpu')?.policy.maxReplicas).toBe(12);
  });

  it('refuses to start with a broken preset, naming its field', () => {
    expect(() =>
      readScalingPresets(
        new ConfigReader({
          scaling: { presets: { cpu: { policy: { minReplicas: -1 } } } },
        }),
      ),
    ).toThrow(/scaling\.presets\.cpu\.policy\.minReplicas/);
  });
});
