import { Config } from '@backstage/config';
import {
  mergeScalingPresets,
  ScalingPreset,
} from '@meschain/backstage-plugin-scaling-common';

/** Used when config sets no `scaling.guardRails.defaultMaxReplicas`. */
const DEFAULT_MAX_REPLICAS = 30;

/** @public The platform's limits on writes, from `scaling.guardRails`. */
export type ScalingGuardRailSettings = {
  maxReplicasByTier: Record<string, number>;
  /** For entities without a tier, or whose tier has no limit of its own. */
  defaultMaxReplicas: number;
  /** Regions writes may target; empty allows every region. */
  allowedRegions: string[];
};

/** @public The limits for an entity of the given tier. */
export type ReplicaLimit = {
  maxReplicas: number;
  /** Set when the limit is the tier's own, so messages can name it. */
  tier?: string;
};

/** @public Reads `scaling.guardRails`, which the scaling backend and the scaffolder's actions both enforce. */
export function readScalingGuardRails(
  config: Config,
): ScalingGuardRailSettings {
  const guardRails = config.getOptionalConfig('scaling.guardRails');
  const byTier = guardRails?.getOptionalConfig('maxReplicasByTier');
  return {
    maxReplicasByTier: Object.fromEntries(
      (byTier?.keys() ?? []).map(tier => [tier, byTier!.getNumber(tier)]),
    ),
    defaultMaxReplicas:
      guardRails?.getOptionalNumber('defaultMaxReplicas') ??
      DEFAULT_MAX_REPLICAS,
    allowedRegions: guardRails?.getOptionalStringArray('allowedRegions') ?? [],
  };
}

/** @public */
export function replicaLimitFor(
  settings: ScalingGuardRailSettings,
  tier: string | undefined,
): ReplicaLimit {
  const tierLimit = tier ? settings.maxReplicasByTier[tier] : undefined;
  return tierLimit === undefined
    ? { maxReplicas: settings.defaultMaxReplicas }
    : { maxReplicas: tierLimit, tier };
}

/** @public */
export function isRegionAllowed(
  settings: ScalingGuardRailSettings,
  region: string,
): boolean {
  return (
    settings.allowedRegions.length === 0 ||
    settings.allowedRegions.includes(region)
  );
}

/**
 * @public
 * `scaling.presets` merged over the built-in presets. A broken preset stops
 * the backend at start-up rather than surfacing in an editor later.
 */
export function readScalingPresets(config: Config): ScalingPreset[] {
  const result = mergeScalingPresets(config.getOptional('scaling.presets'));
  if (!result.valid) {
    const problems = result.problems
      .map(problem => `scaling.presets.${problem.field}: ${problem.message}`)
      .join('; ');
    throw new Error(`Invalid scaling presets in config: ${problems}`);
  }
  return result.presets;
}
