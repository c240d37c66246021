import {
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { scalingAdminPermission } from '@meschain/backstage-plugin-scaling-common';

/** A user, or another backend plugin or the weekly task. */
export type ReportCredentials = BackstageCredentials<
  BackstageUserPrincipal | BackstageServicePrincipal
>;

/** Who may read and make a team's reports: its members and the platform admins (`scaling.admin`). Everyone may the org's. */
export interface ReportAccess {
  mayRead(
    team: string | undefined,
    credentials: ReportCredentials,
  ): Promise<boolean>;
  /** @throws NotAllowedError naming the team */
  assertMay(
    verb: 'read' | 'create',
    team: string | undefined,
    credentials: ReportCredentials,
  ): Promise<void>;
}

export function createReportAccess(options: {
  permissions: PermissionsService;
  userInfo: UserInfoService;
}): ReportAccess {
  const { permissions, userInfo } = options;

  async function mayRead(
    team: string | undefined,
    credentials: ReportCredentials,
  ): Promise<boolean> {
    if (!team || credentials.principal.type === 'service') {
      // Other backend plugins read on behalf of their own callers.
      return true;
    }
    if (credentials.principal.type !== 'user') return false;
    const { ownershipEntityRefs } = await userInfo.getUserInfo(credentials);
    if (ownershipEntityRefs.includes(team)) return true;
    const [decision] = await permissions.authorize(
      [{ permission: scalingAdminPermission }],
      { credentials },
    );
    return decision.result === AuthorizeResult.ALLOW;
  }

  return {
    mayRead,
    async assertMay(verb, team, credentials) {
      if (!(await mayRead(team, credentials))) {
        throw new NotAllowedError(
          `Only the members of ${team} and platform admins may ${verb} its reports`,
        );
      }
    },
  };
}
