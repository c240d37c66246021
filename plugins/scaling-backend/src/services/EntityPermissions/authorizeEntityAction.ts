import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';

/**
 * The permissions, of those an action on a catalog entity needs, that the
 * caller lacks; none when it may act. The permission policy decides, e.g.
 * with the catalog's `isEntityOwner` condition.
 */
export async function authorizeEntityAction(
  permissions: PermissionsService,
  options: {
    credentials: BackstageCredentials;
    entityRef: string;
    required: ResourcePermission<'catalog-entity'>[];
  },
): Promise<ResourcePermission<'catalog-entity'>[]> {
  const { credentials, entityRef, required } = options;
  const decisions = await permissions.authorize(
    required.map(permission => ({ permission, resourceRef: entityRef })),
    { credentials },
  );
  return required.filter(
    (_, index) => decisions[index].result !== AuthorizeResult.ALLOW,
  );
}
