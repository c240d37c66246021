import {
  BackstageCredentials,
  BackstageUserPrincipal,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  AuthorizeResult,
  PermissionCondition,
  PermissionCriteria,
} from '@backstage/plugin-permission-common';
import { ScalingOwnershipPolicy } from '../../permissions/ScalingOwnershipPolicy';
import { ownershipOf } from './portalCatalog';

type Condition = PermissionCriteria<PermissionCondition>;

/**
 * The catalog's side of a conditional decision: the one rule the portal's policy uses,
 * `IS_ENTITY_OWNER`, applied to the entity's ownedBy relations as the catalog applies it.
 */
function entityMatches(
  entity: Entity | undefined,
  condition: Condition,
): boolean {
  if ('allOf' in condition)
    return condition.allOf.every(c => entityMatches(entity, c));
  if ('anyOf' in condition)
    return condition.anyOf.some(c => entityMatches(entity, c));
  if ('not' in condition) return !entityMatches(entity, condition.not);
  if (condition.rule !== 'IS_ENTITY_OWNER') {
    throw new Error(`The test catalog cannot apply the rule ${condition.rule}`);
  }
  const claims = (condition.params?.claims ?? []) as string[];
  return (entity?.relations ?? []).some(
    r => r.type === 'ownedBy' && claims.includes(r.targetRef),
  );
}

/** The user info of catalog users, as the auth backend's sign-in resolver would issue it. */
export function catalogUserInfo(entities: Entity[]): UserInfoService {
  return {
    async getUserInfo(credentials: BackstageCredentials) {
      const { userEntityRef } = (
        credentials as BackstageCredentials<BackstageUserPrincipal>
      ).principal;
      return {
        userEntityRef,
        ownershipEntityRefs: ownershipOf(entities, userEntityRef),
      };
    },
  };
}

/**
 * The permissions service of a backend whose permission backend runs the portal's
 * ScalingOwnershipPolicy (packages/backend/src/permissions) with the given groups.
 */
export function portalPermissions(options: {
  entities: Entity[];
  userInfo: UserInfoService;
  adminGroups: string[];
  scaleToZeroGroups: string[];
  costAdminGroups: string[];
}) {
  const { entities, userInfo, ...groups } = options;
  const policy = new ScalingOwnershipPolicy({ userInfo, ...groups });
  const byRef = new Map(entities.map(e => [stringifyEntityRef(e), e]));
  return mockServices.permissions.mock({
    authorize: async (requests, { credentials }) => {
      const principal = credentials.principal as {
        type: string;
        accessRestrictions?: { permissionNames?: string[] };
      };
      // As Backstage's permission client decides for other backends and static tokens: without
      // asking the policy, allowed all but what their access restrictions leave out.
      if (principal.type === 'service') {
        const names = principal.accessRestrictions?.permissionNames;
        return requests.map(({ permission }) => ({
          result:
            !names || names.includes(permission.name)
              ? AuthorizeResult.ALLOW
              : AuthorizeResult.DENY,
        }));
      }
      const user =
        credentials.principal &&
        (credentials.principal as { type: string }).type === 'user'
          ? { credentials, info: await userInfo.getUserInfo(credentials) }
          : undefined;
      return Promise.all(
        requests.map(async request => {
          const decision = await policy.handle(
            { permission: request.permission },
            user,
          );
          if (decision.result !== AuthorizeResult.CONDITIONAL) {
            return { result: decision.result };
          }
          const resourceRef =
            'resourceRef' in request ? request.resourceRef : undefined;
          const entity = resourceRef ? byRef.get(resourceRef) : undefined;
          return {
            result: entityMatches(entity, decision.conditions)
              ? AuthorizeResult.ALLOW
              : AuthorizeResult.DENY,
          };
        }),
      );
    },
  });
}
