import { Entity } from '@backstage/catalog-model';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  mockApis,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  catalogApiRef,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { ANNOTATION_KUBERNETES_ID } from '@meschain/backstage-plugin-scaling-common';
import AppsIcon from '@material-ui/icons/Apps';
import MoneyIcon from '@material-ui/icons/MonetizationOn';
import PublicIcon from '@material-ui/icons/Public';
import { screen, within } from '@testing-library/react';
import {
  costApiRef,
  fleetApiRef,
  predictiveApiRef,
  regionsApiRef,
  rolloutsApiRef,
  scalingApiRef,
} from '../api';
import { fakeCostApi } from '../__testUtils__/fakeCostApi';
import { fakeFleetApi } from '../__testUtils__/fakeFleetApi';
import { fakePredictiveApi } from '../__testUtils__/fakePredictiveApi';
import { fakeRegionsApi } from '../__testUtils__/fakeRegionsApi';
import { fakeRolloutsApi } from '../__testUtils__/fakeRolloutsApi';
import { fakeScalingApi } from '../__testUtils__/fakeScalingApi';
import { entity, entityRef } from '../__testUtils__/fixtures';
import { costRouteRef, fleetRouteRef, regionsRouteRef } from '../routes';
import plugin from './plugin';

/**
 * How long to wait for an extension's lazily loaded component: the first
 * import of a component's modules can take seconds in a busy test run.
 */
const lazyLoad = { timeout: 15_000 };
jest.setTimeout(30_000);

/** The fixture service, annotated so the suite can find its workloads. */
const service: Entity = {
  ...entity,
  metadata: {
    ...entity.metadata,
    annotations: { [ANNOTATION_KUBERNETES_ID]: 'order-service' },
  },
};

const team: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'commerce-team', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

/** A service of the platform team, which runs in tr-central in the regions fixture. */
const ownedService: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'logging-service',
    namespace: 'default',
    title: 'Logging Service',
  },
  spec: { type: 'service', owner: 'platform-team', lifecycle: 'production' },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/platform-team' }],
};

const entityRoutes = {
  mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
};

/** Renders an extension's element on an entity's page. */
function renderOnEntityPage(
  element: JSX.Element,
  pageEntity: Entity,
  apis: NonNullable<Parameters<typeof renderInTestApp>[1]>['apis'],
) {
  return renderInTestApp(
    <EntityProvider entity={pageEntity}>{element}</EntityProvider>,
    { apis, ...entityRoutes },
  );
}

describe('the /alpha entity contents', () => {
  it.each([
    ['entity-content:scaling/scaling', '/scaling', 'Scaling'],
    ['entity-content:scaling/deployments', '/deployments', 'Deployments'],
    ['entity-content:scaling/cost', '/cost', 'Cost'],
  ] as const)(
    '%s is the %s tab titled %s, on services with the scaling annotations only',
    (id, path, title) => {
      const tester = createExtensionTester(plugin.getExtension(id));
      const isShownFor = tester.get(
        EntityContentBlueprint.dataRefs.filterFunction,
      )!;

      expect(tester.get(coreExtensionData.routePath)).toBe(path);
      expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(title);
      expect(isShownFor(service)).toBe(true);
      expect(isShownFor(entity)).toBe(false);
    },
  );

  it('renders the Scaling tab with each region’s replicas', async () => {
    const scalingApi = fakeScalingApi();
    const tester = createExtensionTester(
      plugin.getExtension('entity-content:scaling/scaling'),
    );

    await renderOnEntityPage(tester.reactElement(), service, [
      [scalingApiRef, scalingApi],
      [predictiveApiRef, fakePredictiveApi()],
      mockApis.permission(),
    ]);

    await screen.findByText(
      'Replicas and autoscaling per region',
      undefined,
      lazyLoad,
    );
    expect(scalingApi.getEntityScaling).toHaveBeenCalledWith(entityRef);
    expect(
      screen.getByText('3 ready · 3 available · 3 updated'),
    ).toBeInTheDocument();
  });

  it('renders the Deployments tab with the canary’s steps', async () => {
    const rolloutsApi = fakeRolloutsApi();
    const tester = createExtensionTester(
      plugin.getExtension('entity-content:scaling/deployments'),
    );

    await renderOnEntityPage(tester.reactElement(), service, [
      [scalingApiRef, fakeScalingApi()],
      [rolloutsApiRef, rolloutsApi],
      mockApis.permission(),
    ]);

    const steps = await screen.findByRole(
      'region',
      { name: 'Canary steps of order-service in eu-west' },
      lazyLoad,
    );
    expect(rolloutsApi.getEntityRollouts).toHaveBeenCalledWith(entityRef);
    expect(
      within(steps).getByText('Step 2 of 4: Pause until promoted'),
    ).toBeInTheDocument();
  });

  it('renders the Cost tab with the service’s total', async () => {
    const costApi = fakeCostApi();
    const tester = createExtensionTester(
      plugin.getExtension('entity-content:scaling/cost'),
    );

    await renderOnEntityPage(tester.reactElement(), service, [
      [costApiRef, costApi],
    ]);

    const total = await screen.findByRole(
      'region',
      { name: 'Total cost' },
      lazyLoad,
    );
    expect(costApi.getEntityCost).toHaveBeenCalledWith(
      entityRef,
      expect.anything(),
    );
    expect(total).toHaveTextContent('$1,520');
  });
});

describe('the /alpha entity cards', () => {
  it.each([
    ['entity-card:scaling/overview', 'annotated services', service, entity],
    ['entity-card:scaling/regions', 'annotated services', service, entity],
    ['entity-card:scaling/group-cost', 'groups', team, service],
  ] as const)('%s shows on %s only', (id, _kind, shownFor, hiddenFor) => {
    const tester = createExtensionTester(plugin.getExtension(id));
    const isShownFor = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;

    expect(isShownFor(shownFor)).toBe(true);
    expect(isShownFor(hiddenFor)).toBe(false);
  });

  it('renders the overview card with the replicas ready across regions', async () => {
    const tester = createExtensionTester(
      plugin.getExtension('entity-card:scaling/overview'),
    );

    await renderOnEntityPage(tester.reactElement(), service, [
      [scalingApiRef, fakeScalingApi()],
    ]);

    expect(
      await screen.findByText('8 of 9 ready', undefined, lazyLoad),
    ).toBeInTheDocument();
    expect(screen.getByText('2 in 3 regions')).toBeInTheDocument();
  });

  it('renders the regions card with the service’s DR verdict', async () => {
    const regionsApi = fakeRegionsApi();
    const tester = createExtensionTester(
      plugin.getExtension('entity-card:scaling/regions'),
    );

    await renderOnEntityPage(tester.reactElement(), service, [
      [regionsApiRef, regionsApi],
    ]);

    expect(
      await screen.findByLabelText('DR verdict', undefined, lazyLoad),
    ).toHaveTextContent('DR readiness: fail');
    expect(regionsApi.getEntityRegions).toHaveBeenCalledWith(entityRef);
  });

  it('renders the group cost card with the team’s total', async () => {
    const costApi = fakeCostApi();
    const tester = createExtensionTester(
      plugin.getExtension('entity-card:scaling/group-cost'),
    );

    await renderOnEntityPage(tester.reactElement(), team, [
      [costApiRef, costApi],
    ]);

    const total = await screen.findByRole(
      'region',
      { name: 'Team cost' },
      lazyLoad,
    );
    expect(costApi.getTeamCost).toHaveBeenCalledWith(
      { kind: 'Group', namespace: 'default', name: 'commerce-team' },
      undefined,
    );
    expect(total).toHaveTextContent('$2,841');
  });
});

describe('the /alpha pages', () => {
  it.each([
    [
      'page:scaling/regions',
      '/regions',
      'Regions',
      regionsRouteRef,
      <PublicIcon />,
    ],
    ['page:scaling/cost', '/cost', 'Cost', costRouteRef, <MoneyIcon />],
    [
      'page:scaling/fleet',
      '/scaling/fleet',
      'Fleet',
      fleetRouteRef,
      <AppsIcon />,
    ],
  ] as const)(
    '%s is mounted at %s with a nav item titled %s',
    (id, path, title, routeRef, icon) => {
      const tester = createExtensionTester(plugin.getExtension(id));

      expect(tester.get(coreExtensionData.routePath)).toBe(path);
      expect(tester.get(coreExtensionData.routeRef)).toBe(routeRef);
      expect(tester.get(coreExtensionData.title)).toBe(title);
      expect(tester.get(coreExtensionData.icon)).toEqual(icon);
    },
  );

  it('renders the Regions page with the world map of regions', async () => {
    const regionsApi = fakeRegionsApi();
    const tester = createExtensionTester(
      plugin.getExtension('page:scaling/regions'),
    );

    await renderInTestApp(tester.reactElement(), {
      apis: [[regionsApiRef, regionsApi]],
      ...entityRoutes,
    });

    const map = await screen.findByRole(
      'group',
      { name: 'World map of regions' },
      lazyLoad,
    );
    expect(
      within(map).getByRole('button', { name: /\(tr-central\)/ }),
    ).toHaveAccessibleName('Türkiye Central (tr-central), healthy');
    expect(regionsApi.getRegionsOverview).toHaveBeenCalled();
  });

  it('renders the Cost page with the organisation’s total', async () => {
    const tester = createExtensionTester(
      plugin.getExtension('page:scaling/cost'),
    );

    await renderInTestApp(tester.reactElement(), {
      apis: [[costApiRef, fakeCostApi()]],
      ...entityRoutes,
    });

    expect(
      await screen.findByRole('region', { name: 'Total cost' }, lazyLoad),
    ).toHaveTextContent('$25,400');
  });
});

describe('the /alpha home page widgets', () => {
  it('offers the fleet summary, linking to the Regions and Cost pages', async () => {
    const widget = createExtensionTester(
      plugin.getExtension('home-page-widget:scaling/fleet-summary'),
    ).get(HomePageWidgetBlueprint.dataRefs.widget);

    expect(widget.name).toBe('ScalingFleetSummary');
    expect(widget.title).toBe('MesChain-Sync at a glance');

    await renderInTestApp(widget.component, {
      apis: [
        [regionsApiRef, fakeRegionsApi()],
        [costApiRef, fakeCostApi()],
      ],
      mountedRoutes: { '/regions': regionsRouteRef, '/cost': costRouteRef },
    });

    expect(
      await screen.findByRole(
        'link',
        { name: 'Regions, health and DR readiness' },
        lazyLoad,
      ),
    ).toHaveAttribute('href', '/regions');
    expect(
      screen.getByRole('link', { name: 'Cost by team and service' }),
    ).toHaveAttribute('href', '/cost');
  });

  it('offers the user’s services', async () => {
    const widget = createExtensionTester(
      plugin.getExtension('home-page-widget:scaling/owned-services'),
    ).get(HomePageWidgetBlueprint.dataRefs.widget);

    expect(widget.name).toBe('ScalingOwnedServices');
    expect(widget.title).toBe('My services');

    await renderInTestApp(widget.component, {
      apis: [
        [catalogApiRef, catalogApiMock({ entities: [ownedService] })],
        [regionsApiRef, fakeRegionsApi()],
        [fleetApiRef, fakeFleetApi()],
        mockApis.identity({
          userEntityRef: 'user:default/guest',
          ownershipEntityRefs: ['group:default/platform-team'],
        }),
      ],
      ...entityRoutes,
    });

    const table = await screen.findByRole(
      'table',
      { name: 'My services' },
      lazyLoad,
    );
    expect(
      within(table).getByRole('link', { name: /Logging Service/ }),
    ).toHaveAttribute('href', '/catalog/default/component/logging-service');
  });
});
