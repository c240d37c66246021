import { compatWrapper } from '@backstage/core-compat-api';
import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import MoneyIcon from '@material-ui/icons/MonetizationOn';
import PublicIcon from '@material-ui/icons/Public';
import {
  CostClient,
  RegionsClient,
  RolloutsClient,
  ScalingClient,
  costApiRef,
  regionsApiRef,
  rolloutsApiRef,
  scalingApiRef,
} from '../api';
import { isScalingAvailable } from '../isScalingAvailable';
import { costRouteRef, regionsRouteRef, rootRouteRef } from '../routes';

const scalingApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: scalingApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ScalingClient({ discoveryApi, fetchApi }),
    }),
});

const rolloutsApi = ApiBlueprint.make({
  name: 'rollouts',
  params: defineParams =>
    defineParams({
      api: rolloutsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new RolloutsClient({ discoveryApi, fetchApi }),
    }),
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
  params: defineParams =>
    defineParams({
      api: regionsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new RegionsClient({ discoveryApi, fetchApi }),
    }),
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
  params: defineParams =>
    defineParams({
      api: costApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new CostClient({ discoveryApi, fetchApi }),
    }),
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

const groupCostCard = EntityCardBlueprint.make({
  name: 'group-cost',
  params: {
    filter: 'kind:group',
    loader: () =>
      import('../components/GroupCostCard').then(m =>
        compatWrapper(<m.GroupCostCard />),
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

const fleetSummaryWidget = HomePageWidgetBlueprint.make({
  name: 'fleet-summary',
  params: {
    name: 'ScalingFleetSummary',
    title: 'MesChain-Sync at a glance',
    description:
      'Services, replicas, regions, DR readiness and spend across the fleet',
    components: () =>
      import('../components/FleetSummaryCard').then(m => ({
        Content: () => compatWrapper(<m.FleetSummaryCard />),
      })),
  },
});

const ownedServicesWidget = HomePageWidgetBlueprint.make({
  name: 'owned-services',
  params: {
    name: 'ScalingOwnedServices',
    title: 'Your services',
    description:
      'The services your groups own, with their regions and replicas ready',
    components: () =>
      import('../components/OwnedServicesCard').then(m => ({
        Content: () => compatWrapper(<m.OwnedServicesCard />),
      })),
  },
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
    entityScalingContent,
    entityDeploymentsContent,
    entityCostContent,
    entityScalingOverviewCard,
    entityRegionsCard,
    groupCostCard,
    regionsPage,
    costPage,
    fleetSummaryWidget,
    ownedServicesWidget,
  ],
  routes: { root: rootRouteRef, regions: regionsRouteRef, cost: costRouteRef },
});
