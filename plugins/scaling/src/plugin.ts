import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import {
  RolloutsClient,
  ScalingClient,
  rolloutsApiRef,
  scalingApiRef,
} from './api';
import { rootRouteRef } from './routes';

/** @public */
export const scalingPlugin = createPlugin({
  id: 'scaling',
  apis: [
    createApiFactory({
      api: scalingApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ScalingClient({ discoveryApi, fetchApi }),
    }),
    createApiFactory({
      api: rolloutsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new RolloutsClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
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
