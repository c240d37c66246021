import { compatWrapper } from '@backstage/core-compat-api';
import {
  ApiBlueprint,
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import AppsIcon from '@material-ui/icons/Apps';
import AssessmentIcon from '@material-ui/icons/Assessment';
import MoneyIcon from '@material-ui/icons/MonetizationOn';
import PublicIcon from '@material-ui/icons/Public';
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
} from '../apis';
import { fleetSummaryCard, ownedServicesCard } from '../homeCards';
import { isScalingAvailable } from '../isScalingAvailable';
import {
  costRouteRef,
  fleetRouteRef,
  regionsRouteRef,
  reportsRouteRef,
  rootRouteRef,
} from '../routes';

const scalingApi = ApiBlueprint.make({
  params: defineParams => defineParams(scalingApiFactory),
});

const rolloutsApi = ApiBlueprint.make({
  name: 'rollouts',
  params: defineParams => defineParams(rolloutsApiFactory),
});

const entityScalingContent = EntityContentBlueprint.make({
  name: 'scaling',
  params: {
    path: '/scaling',
    title: 'Scaling',
    filter: isScalingAvailable,
    loader: () =>
      import('../components/EntityScalingContent').then(m =>
        compatWrapper(<m.EntityScalingContent />),
      ),
  },
});

const entityDeploymentsContent = EntityContentBlueprint.make({
  name: 'deployments',
  params: {
    path: '/deployments',
    title: 'Deployments',
    filter: isScalingAvailable,
    loader: () =>
      import('../components/EntityDeploymentsContent').then(m =>
        compatWrapper(<m.EntityDeploymentsContent />),
      ),
  },
});

const entityScalingOverviewCard = EntityCardBlueprint.make({
  name: 'overview',
  params: {
    filter: isScalingAvailable,
    loader: () =>
      import('../components/EntityScalingOverviewCard').then(m =>
        compatWrapper(<m.EntityScalingOverviewCard />),
      ),
  },
});

const regionsApi = ApiBlueprint.make({
  name: 'regions',
  params: defineParams => defineParams(regionsApiFactory),
});

const regionsPage = PageBlueprint.make({
  name: 'regions',
  params: {
    path: '/regions',
    title: 'Regions',
    icon: <PublicIcon />,
    routeRef: regionsRouteRef,
    loader: () =>
      import('../components/RegionsPage').then(m =>
        compatWrapper(<m.RegionsPage />),
      ),
  },
});

const entityRegionsCard = EntityCardBlueprint.make({
  name: 'regions',
  params: {
    filter: isScalingAvailable,
    loader: () =>
      import('../components/EntityRegionsCard').then(m =>
        compatWrapper(<m.EntityRegionsCard />),
      ),
  },
});

const costApi = ApiBlueprint.make({
  name: 'cost',
  params: defineParams => defineParams(costApiFactory),
});

const entityCostContent = EntityContentBlueprint.make({
  name: 'cost',
  params: {
    path: '/cost',
    title: 'Cost',
    filter: isScalingAvailable,
    loader: () =>
      import('../components/EntityCostContent').then(m =>
        compatWrapper(<m.EntityCostContent />),
      ),
  },
});

const healthApi = ApiBlueprint.make({
  name: 'health',
  params: defineParams => defineParams(healthApiFactory),
});

const predictiveApi = ApiBlueprint.make({
  name: 'predictive',
  params: defineParams => defineParams(predictiveApiFactory),
});

const alertsApi = ApiBlueprint.make({
  name: 'alerts',
  params: defineParams => defineParams(alertsApiFactory),
});

const entityHealthContent = EntityContentBlueprint.make({
  name: 'health',
  params: {
    path: '/health',
    title: 'Health',
    filter: isScalingAvailable,
    loader: () =>
      import('../components/Health').then(m =>
        compatWrapper(<m.EntityHealthContent />),
      ),
  },
});

const groupCostCard = EntityCardBlueprint.make({
  name: 'group-cost',
  params: {
    filter: { kind: 'group' },
    loader: () =>
      import('../components/GroupCostCard').then(m =>
        compatWrapper(<m.GroupCostCard />),
      ),
  },
});

const groupScalingContent = EntityContentBlueprint.make({
  name: 'group-scaling',
  params: {
    path: '/scaling',
    title: 'Scaling',
    filter: { kind: 'group' },
    loader: () =>
      import('../components/GroupScaling').then(m =>
        compatWrapper(<m.GroupScalingContent />),
      ),
  },
});

const costPage = PageBlueprint.make({
  name: 'cost',
  params: {
    path: '/cost',
    title: 'Cost',
    icon: <MoneyIcon />,
    routeRef: costRouteRef,
    loader: () =>
      import('../components/OrgCostPage').then(m =>
        compatWrapper(<m.OrgCostPage />),
      ),
  },
});

const fleetApi = ApiBlueprint.make({
  name: 'fleet',
  params: defineParams => defineParams(fleetApiFactory),
});

const fleetPage = PageBlueprint.make({
  name: 'fleet',
  params: {
    path: '/scaling/fleet',
    title: 'Fleet',
    icon: <AppsIcon />,
    routeRef: fleetRouteRef,
    loader: () =>
      import('../components/Fleet').then(m => compatWrapper(<m.FleetPage />)),
  },
});

const reportsApi = ApiBlueprint.make({
  name: 'reports',
  params: defineParams => defineParams(reportsApiFactory),
});

const reportsPage = PageBlueprint.make({
  name: 'reports',
  params: {
    path: '/scaling/reports',
    title: 'Reports',
    icon: <AssessmentIcon />,
    routeRef: reportsRouteRef,
    loader: () =>
      import('../components/Reports').then(m =>
        compatWrapper(<m.ReportsPage />),
      ),
  },
});

const fleetSummaryWidget = HomePageWidgetBlueprint.make({
  name: 'fleet-summary',
  params: fleetSummaryCard,
});

const ownedServicesWidget = HomePageWidgetBlueprint.make({
  name: 'owned-services',
  params: ownedServicesCard,
});

/**
 * The scaling suite for apps on the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'scaling',
  title: 'Scaling',
  info: { packageJson: () => import('../../package.json') },
  extensions: [
    scalingApi,
    rolloutsApi,
    regionsApi,
    costApi,
    healthApi,
    alertsApi,
    predictiveApi,
    fleetApi,
    reportsApi,
    entityScalingContent,
    entityDeploymentsContent,
    entityCostContent,
    entityHealthContent,
    entityScalingOverviewCard,
    entityRegionsCard,
    groupCostCard,
    groupScalingContent,
    regionsPage,
    costPage,
    fleetPage,
    reportsPage,
    fleetSummaryWidget,
    ownedServicesWidget,
  ],
  routes: {
    root: rootRouteRef,
    regions: regionsRouteRef,
    cost: costRouteRef,
    fleet: fleetRouteRef,
    reports: reportsRouteRef,
  },
});
