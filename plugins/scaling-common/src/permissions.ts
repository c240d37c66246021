import { createPermission } from '@backstage/plugin-permission-common';

/**
 * The catalog's resource type, repeated here so that the suite's shared
 * package does not depend on the catalog's alpha exports.
 */
const RESOURCE_TYPE_CATALOG_ENTITY = 'catalog-entity';

/** @public Set a workload's replica count, or an HPA's min and max. */
export const scalingReplicasUpdatePermission = createPermission({
  name: 'scaling.replicas.update',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/** @public Scale a workload to zero replicas; granted separately from ordinary scaling. */
export const scalingReplicasZeroPermission = createPermission({
  name: 'scaling.replicas.zero',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/** @public Apply, change or delete a service's autoscaling policy. */
export const scalingPolicyUpdatePermission = createPermission({
  name: 'scaling.policy.update',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/** @public Promote, abort, retry, restart or undo a rollout. */
export const scalingRolloutManagePermission = createPermission({
  name: 'scaling.rollout.manage',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/** @public Create, change or delete a service's alert rules. */
export const scalingAlertRulesUpdatePermission = createPermission({
  name: 'scaling.alerts.rules.update',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/** @public Open or expire a maintenance window, which silences a service's alerts. */
export const scalingMaintenanceWindowsUpdatePermission = createPermission({
  name: 'scaling.maintenance-windows.update',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * @public Ingest cost data again for a range of days. A basic permission, not
 * tied to an entity and so not in {@link scalingPermissions} (whose entries the
 * catalog decides on by ownership): a backfill rewrites every team's figures,
 * so the portal's policy decides who may run it.
 */
export const scalingCostBackfillPermission = createPermission({
  name: 'scaling.cost.backfill',
  attributes: { action: 'update' },
});

/**
 * @public Act on every service's scaling and rollouts, whoever owns it. A
 * basic permission, like {@link scalingCostBackfillPermission}: the portal's
 * policy grants it to the members of `permission.scaling.adminGroups`, and the
 * scaling backend records a write by someone who holds it and does not own the
 * service as an admin action.
 */
export const scalingAdminPermission = createPermission({
  name: 'scaling.admin',
  attributes: { action: 'update' },
});

/**
 * @public Apply a new service's manifests to its regions' clusters, as the
 * "New MesChain service" template does. A basic permission: the service is
 * not in the catalog yet. The scaling backend also requires the caller to be
 * a member of the owner the service names, or to hold {@link scalingAdminPermission}.
 */
export const scalingServiceCreatePermission = createPermission({
  name: 'scaling.service.create',
  attributes: { action: 'create' },
});

/** @public Every permission the scaling suite defines on catalog entities. */
export const scalingPermissions = [
  scalingReplicasUpdatePermission,
  scalingReplicasZeroPermission,
  scalingPolicyUpdatePermission,
  scalingRolloutManagePermission,
  scalingAlertRulesUpdatePermission,
  scalingMaintenanceWindowsUpdatePermission,
];
