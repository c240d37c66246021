import { mockCredentials } from '@backstage/backend-test-utils';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import {
  scalingAdminPermission,
  scalingCostBackfillPermission,
  scalingPolicyUpdatePermission,
  scalingReplicasUpdatePermission,
  scalingReplicasZeroPermission,
  scalingRolloutManagePermission,
  scalingServiceCreatePermission,
} from '@meschain/backstage-plugin-scaling-common';
import { ScalingOwnershipPolicy } from './ScalingOwnershipPolicy';

function member(...ownershipEntityRefs: string[]): PolicyQueryUser {
  const info = { userEntityRef: ownershipEntityRefs[0], ownershipEntityRefs };
  return { credentials: mockCredentials.user(info.userEntityRef), info };
}

const platformEngineer = member(
  'user:default/guest',
  'group:default/platform-team',
);
const commerceEngineer = member(
  'user:default/elif.kaya',
  'group:default/commerce-team',
);

describe('ScalingOwnershipPolicy', () => {
  const members = [platformEngineer, commerceEngineer];
  const policy = new ScalingOwnershipPolicy({
    // Looks the signed-in user up as the user info service would.
    userInfo: {
      getUserInfo: async credentials =>
        members.find(
          m =>
            m.info.userEntityRef ===
            (credentials.principal as { userEntityRef: string }).userEntityRef,
        )!.info,
    },
    scaleToZeroGroups: ['group:default/platform-team'],
    costAdminGroups: ['group:default/platform-team'],
    adminGroups: ['group:default/platform-team'],
  });

  it('lets every signed-in user, and no one else, create services', async () => {
    const permission = scalingServiceCreatePermission;
    await expect(
      policy.handle({ permission }, commerceEngineer),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    await expect(policy.handle({ permission })).resolves.toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  it('lets only the cost admin groups re-ingest cost', async () => {
    const permission = scalingCostBackfillPermission;
    await expect(
      policy.handle({ permission }, platformEngineer),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    await expect(
      policy.handle({ permission }, commerceEngineer),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });

  it.each([
    scalingReplicasUpdatePermission,
    scalingPolicyUpdatePermission,
    scalingRolloutManagePermission,
  ])(
    'lets an admin group $name every service, whoever owns it',
    async permission => {
      await expect(
        policy.handle({ permission }, platformEngineer),
      ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    },
  );

  it('grants scaling.admin, which marks a write as an admin action, only to the admin groups', async () => {
    const permission = scalingAdminPermission;
    await expect(
      policy.handle({ permission }, platformEngineer),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    await expect(
      policy.handle({ permission }, commerceEngineer),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });

  it('keeps scaling to zero from an admin outside the scale-to-zero groups', async () => {
    const adminOnly = new ScalingOwnershipPolicy({
      userInfo: { getUserInfo: async () => platformEngineer.info },
      scaleToZeroGroups: [],
      costAdminGroups: [],
      adminGroups: ['group:default/platform-team'],
    });
    await expect(
      adminOnly.handle(
        { permission: scalingReplicasZeroPermission },
        platformEngineer,
      ),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });

  it.each([
    scalingReplicasUpdatePermission,
    scalingPolicyUpdatePermission,
    scalingRolloutManagePermission,
  ])(
    'leaves $name to the catalog to decide on the entity’s owners',
    async permission => {
      const decision = await policy.handle({ permission }, commerceEngineer);

      expect(decision).toEqual({
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'catalog',
        resourceType: 'catalog-entity',
        conditions: {
          rule: 'IS_ENTITY_OWNER',
          resourceType: 'catalog-entity',
          params: {
            claims: ['user:default/elif.kaya', 'group:default/commerce-team'],
          },
        },
      });
    },
  );

  it('denies scaling to zero to someone outside the allowed groups', async () => {
    const decision = await policy.handle(
      { permission: scalingReplicasZeroPermission },
      commerceEngineer,
    );
    expect(decision).toEqual({ result: AuthorizeResult.DENY });
  });

  it('lets an allowed group scale to zero, still only on what it owns', async () => {
    const notAdmin = new ScalingOwnershipPolicy({
      userInfo: { getUserInfo: async () => platformEngineer.info },
      scaleToZeroGroups: ['group:default/platform-team'],
      costAdminGroups: [],
      adminGroups: [],
    });
    const decision = await notAdmin.handle(
      { permission: scalingReplicasZeroPermission },
      platformEngineer,
    );
    expect(decision).toMatchObject({
      result: AuthorizeResult.CONDITIONAL,
      conditions: { rule: 'IS_ENTITY_OWNER' },
    });
  });

  it('allows everything the suite does not guard', async () => {
    const read = createPermission({
      name: 'catalog.entity.read',
      attributes: { action: 'read' },
      resourceType: 'catalog-entity',
    });
    expect(await policy.handle({ permission: read }, commerceEngineer)).toEqual(
      { result: AuthorizeResult.ALLOW },
    );
  });

  it('gives an anonymous caller no claims, so no entity is theirs', async () => {
    const decision = await policy.handle({
      permission: scalingReplicasUpdatePermission,
    });
    expect(decision).toMatchObject({
      conditions: { params: { claims: [] } },
    });
  });
});
