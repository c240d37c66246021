import { UserInfoService } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  scalingAdminPermission,
  scalingCostBackfillPermission,
  scalingPermissions,
  scalingReplicasZeroPermission,
  scalingServiceCreatePermission,
} from '@meschain/backstage-plugin-scaling-common';

/**
 * The portal's permission policy: anyone may read, the owners of a service
 * may change how it is scaled and deployed, and members of `adminGroups` may
 * on every service (`scaling.admin`, so the scaling backend audits it as an
 * admin action). Scaling to zero is kept for those who also belong to one of
 * the `scaleToZeroGroups`, and re-ingesting cost (which rewrites every team's
 * figures) for members of `costAdminGroups`.
 */
export class ScalingOwnershipPolicy implements PermissionPolicy {
  constructor(
    private readonly options: {
      userInfo: UserInfoService;
      scaleToZeroGroups: string[];
      costAdminGroups: string[];
      adminGroups: string[];
    },
  ) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    const claims = user
      ? (await this.options.userInfo.getUserInfo(user.credentials))
          .ownershipEntityRefs
      : [];

    const memberOfAny = (groups: string[]) =>
      claims.some(ref => groups.includes(ref));

    if (isPermission(permission, scalingCostBackfillPermission)) {
      return {
        result: memberOfAny(this.options.costAdminGroups)
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      };
    }
    // Any signed-in user may start a service; the scaling backend also
    // requires membership of the owner the new service names.
    if (isPermission(permission, scalingServiceCreatePermission)) {
      return {
        result: user ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
      };
    }
    const admin = memberOfAny(this.options.adminGroups);
    if (isPermission(permission, scalingAdminPermission)) {
      return { result: admin ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
    }
    if (isPermission(permission, scalingReplicasZeroPermission)) {
      if (!memberOfAny(this.options.scaleToZeroGroups)) {
        return { result: AuthorizeResult.DENY };
      }
    }
    const scalingPermission = scalingPermissions.find(p =>
      isPermission(permission, p),
    );
    if (scalingPermission) {
      if (admin) {
        return { result: AuthorizeResult.ALLOW };
      }
      return createCatalogConditionalDecision(
        scalingPermission,
        catalogConditions.isEntityOwner({ claims }),
      );
    }
    return { result: AuthorizeResult.ALLOW };
  }
}
