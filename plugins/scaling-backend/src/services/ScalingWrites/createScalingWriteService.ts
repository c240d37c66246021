import { ScalingGuardRailSettings } from '../ScalingSettings';
import { EntityPlacement } from './entityPlacement';
import { createPolicyWrites } from './policyWrites';
import { createReplicaWrites } from './replicaWrites';
import { ScalingWritePipeline } from './scalingWritePipeline';
import { ScalingWriteService } from './types';

export function createScalingWriteService(options: {
  pipeline: ScalingWritePipeline;
  placement: EntityPlacement;
  guardRails: ScalingGuardRailSettings;
}): ScalingWriteService {
  return {
    ...createReplicaWrites(options),
    ...createPolicyWrites(options),
  };
}
