import {
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
} from '@backstage/core-plugin-api';
import { createCardExtension } from '@backstage/plugin-home-react';
import {
  alertsApiFactory,
  costApiFactory,
  fleetApiFactory,
  healthApiFactory,
  predictiveApiFactory,
  regionsApiFactory,
  reportsApiFactory,
  rolloutsApiFactory,
  scalingApiFactory,
} from './apis';
import { fleetSummaryCard, ownedServicesCard } from './homeCards';
import {
  costRouteRef,
  fleetRouteRef,
  regionsRouteRef,
  reportsRouteRef,
  rootRouteRef,
} from './routes';

/**
 * The scaling suite for apps on the legacy frontend system. It offers the
 * same APIs and extensions as `/alpha`.
 *
 * @public
 */
export const scalingPlugin = createPlugin({
  id: 'scaling',
  apis: [
    scalingApiFactory,
    rolloutsApiFactory,
    regionsApiFactory,
    costApiFactory,
    healthApiFactory,
    alertsApiFactory,
    predictiveApiFactory,
    fleetApiFactory,
    reportsApiFactory,
  ],
  routes: {
    root: rootRouteRef,
    regions: regionsRouteRef,
    cost: costRouteRef,
    fleet: fleetRouteRef,
    reports: reportsRouteRef,
  },
});

/** @public The "Scaling" tab of a service's entity page. */
export const EntityScalingContent = scalingPlugin.provide(
  createRoutableExtension({
    name: 'EntityScalingContent',
    component: () =>
      import('./components/EntityScalingContent').then(
        m => m.EntityScalingContent,
      ),
    mountPoint: rootRouteRef,
  }),
);

/** @public The "Deployments" tab: rollouts per region, their actions and revisions. */
export const EntityDeploymentsContent = scalingPlugin.provide(
  createComponentExtension({
    name: 'EntityDeploymentsContent',
    component: {
      lazy: () =>
        import('./components/EntityDeploymentsContent').then(
          m => m.EntityDeploymentsContent,
        ),
    },
  }),
);

/** @public The "Cost" tab: the service's daily trend, where its cost goes and what could be saved. */
export const EntityCostContent = scalingPlugin.provide(
  createComponentExtension({
    name: 'EntityCostContent',
    component: {
      lazy: () =>
        import('./components/EntityCostContent').then(m => m.EntityCostContent),
    },
  }),
);

/** @public The "Health" tab: golden signals per region, the SLO, health checks, alert rules and maintenance windows. */
export const EntityHealthContent = scalingPlugin.provide(
  createComponentExtension({
    name: 'EntityHealthContent',
    component: {
      lazy: () =>
        import('./components/Health').then(m => m.EntityHealthContent),
    },
  }),
);

/** @public A card summing up the entity's replicas and autoscaling across regions. */
export const EntityScalingOverviewCard = scalingPlugin.provide(
  createComponentExtension({
    name: 'EntityScalingOverviewCard',
    component: {
      lazy: () =>
        import('./components/EntityScalingOverviewCard').then(
          m => m.EntityScalingOverviewCard,
        ),
    },
  }),
);

/** @public The regions a service runs in, on a small map, with its DR verdict. */
export const EntityRegionsCard = scalingPlugin.provide(
  createComponentExtension({
    name: 'EntityRegionsCard',
    component: {
      lazy: () =>
        import('./components/EntityRegionsCard').then(m => m.EntityRegionsCard),
    },
  }),
);

/** @public A team's cost on its Group page: what it owns, and the savings proposed. */
export const EntityGroupCostCard = scalingPlugin.provide(
  createComponentExtension({
    name: 'EntityGroupCostCard',
    component: {
      lazy: () =>
        import('./components/GroupCostCard').then(m => m.GroupCostCard),
    },
  }),
);

/** @public The "Scaling" tab of a Group's page: the team's services, spend, savings, rollouts and scaling events. */
export const EntityGroupScalingContent = scalingPlugin.provide(
  createComponentExtension({
    name: 'EntityGroupScalingContent',
    component: {
      lazy: () =>
        import('./components/GroupScaling').then(m => m.GroupScalingContent),
    },
  }),
);

/** @public The Regions page: where every service runs, with capacity, cost and DR readiness. */
export const ScalingRegionsPage = scalingPlugin.provide(
  createRoutableExtension({
    name: 'ScalingRegionsPage',
    component: () =>
      import('./components/RegionsPage').then(m => m.RegionsPage),
    mountPoint: regionsRouteRef,
  }),
);

/** @public The Cost page: the organisation's cost by month, team, service and region. */
export const ScalingCostPage = scalingPlugin.provide(
  createRoutableExtension({
    name: 'ScalingCostPage',
    component: () =>
      import('./components/OrgCostPage').then(m => m.OrgCostPage),
    mountPoint: costRouteRef,
  }),
);

/** @public The Fleet page: every service by region, live, with one-click scaling and health checks. */
export const ScalingFleetPage = scalingPlugin.provide(
  createRoutableExtension({
    name: 'ScalingFleetPage',
    component: () => import('./components/Fleet').then(m => m.FleetPage),
    mountPoint: fleetRouteRef,
  }),
);

/** @public The Reports page: make scaling, deployments and cost reports, and download them as CSV or PDF. */
export const ScalingReportsPage = scalingPlugin.provide(
  createRoutableExtension({
    name: 'ScalingReportsPage',
    component: () => import('./components/Reports').then(m => m.ReportsPage),
    mountPoint: reportsRouteRef,
  }),
);

/** @public The home page card with the fleet at a glance. */
export const HomePageScalingFleetSummary = scalingPlugin.provide(
  createCardExtension(fleetSummaryCard),
);

/** @public The home page card with the services the user's groups own. */
export const HomePageScalingOwnedServices = scalingPlugin.provide(
  createCardExtension(ownedServicesCard),
);
