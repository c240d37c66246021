import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  ScalingOptions,
  ScalingPreset,
  scalingReplicasZeroPermission,
} from '@meschain/backstage-plugin-scaling-common';
import { authorizeEntityAction } from '../EntityPermissions';
import { EntityScalingFactsService } from '../EntityScalingFacts';
import { replicaLimitFor, ScalingGuardRailSettings } from './scalingSettings';

/** What an editor of an entity's scaling may offer and must respect. */
export interface ScalingOptionsService {
  getOptions(
    entityRef: CompoundEntityRef,
    options: { credentials: BackstageCredentials },
  ): Promise<ScalingOptions>;
}

export function createScalingOptionsService(options: {
  entityFacts: EntityScalingFactsService;
  permissions: PermissionsService;
  presets: ScalingPreset[];
  guardRails: ScalingGuardRailSettings;
}): ScalingOptionsService {
  const { entityFacts, permissions, presets, guardRails } = options;
  return {
    async getOptions(entityRef, { credentials }) {
      const facts = await entityFacts.getFacts(entityRef, { credentials });
      const missing = await authorizeEntityAction(permissions, {
        credentials,
        entityRef: facts.entityRef,
        required: [scalingReplicasZeroPermission],
      });
      return {
        presets,
        guardRails: {
          ...replicaLimitFor(guardRails, facts.tier),
          allowedRegions: guardRails.allowedRegions,
          scaleToZeroAllowed: missing.length === 0,
        },
      };
    },
  };
}
