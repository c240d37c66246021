import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { ScalingOwnershipPolicy } from './ScalingOwnershipPolicy';

/** Installs the portal's permission policy in the permission backend. */
export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'scaling-ownership-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        userInfo: coreServices.userInfo,
        policy: policyExtensionPoint,
      },
      async init({ config, userInfo, policy }) {
        policy.setPolicy(
          new ScalingOwnershipPolicy({
            userInfo,
            scaleToZeroGroups:
              config.getOptionalStringArray(
                'permission.scaling.scaleToZeroGroups',
              ) ?? [],
            costAdminGroups:
              config.getOptionalStringArray(
                'permission.scaling.costAdminGroups',
              ) ?? [],
            adminGroups:
              config.getOptionalStringArray('permission.scaling.adminGroups') ??
              [],
          }),
        );
      },
    });
  },
});
