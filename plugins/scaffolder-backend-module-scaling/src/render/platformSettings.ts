import { Config } from '@backstage/config';
import {
  readScalingGuardRails,
  readScalingPresets,
} from '@meschain/backstage-plugin-scaling-node';
import { PlatformSettings } from './renderService';

/** The regions, presets and guard-rails of config, as the scaling backend reads them. */
export function readPlatformSettings(config: Config): PlatformSettings {
  return {
    regionIds: (config.getOptionalConfigArray('scaling.regions') ?? []).map(
      region => region.getString('id'),
    ),
    presets: readScalingPresets(config),
    guardRails: readScalingGuardRails(config),
  };
}
