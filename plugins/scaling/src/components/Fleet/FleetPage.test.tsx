import { Entity } from '@backstage/catalog-model';
import { ApiRef, identityApiRef } from '@backstage/core-plugin-api';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { SignalApi, signalApiRef } from '@backstage/plugin-signals-react';
import { fakeSignalApi } from '../../__testUtils__/fakeSignalApi';
import {
  MockPermissionApi,
  TestApiProvider,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import { FleetSignal } from '@meschain/backstage-plugin-scaling-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  FleetApi,
  fleetApiRef,
  healthApiRef,
  scalingApiRef,
  ScalingApi,
} from '../../api';
import { fakeFleetApi } from '../../__testUtils__/fakeFleetApi';
import { fakeHealthApi } from '../../__testUtils__/fakeHealthApi';
import { fakeScalingApi } from '../../__testUtils__/fakeScalingApi';
import {
  fleet,
  fleetCell,
  largeFleet,
  orderService,
} from '../../__testUtils__/fleetFixtures';
import { FleetPage } from './FleetPage';

const ownershipRefs = ['user:default/guest', 'group:default/commerce-team'];

function entity(kind: string, name: string, title: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default', title },
    spec: {},
  };
}

const catalog = [
  entity('Group', 'commerce-team', 'Commerce'),
  entity('Group', 'platform-team', 'Platform'),
  entity('System', 'meschain-sync', 'MesChain-Sync'),
];

function renderPage(
  options: {
    fleetApi?: FleetApi;
    scalingApi?: ScalingApi;
    signalApi?: SignalApi;
  } = {},
) {
  const fleetApi = options.fleetApi ?? fakeFleetApi();
  const scalingApi = options.scalingApi ?? fakeScalingApi();
  const healthApi = fakeHealthApi();
  const apis: Array<readonly [ApiRef<any>, object]> = [
    [fleetApiRef, fleetApi],
    [scalingApiRef, scalingApi],
    [healthApiRef, healthApi],
    [catalogApiRef, catalogApiMock({ entities: catalog })],
    [
      identityApiRef,
      mockApis.identity({
        userEntityRef: 'user:default/guest',
        ownershipEntityRefs: ownershipRefs,
      }),
    ],
    [permissionApiRef, new MockPermissionApi(() => AuthorizeResult.ALLOW)],
  ];
  if (options.signalApi) {
    apis.push([signalApiRef, options.signalApi]);
  }
  return renderInTestApp(
    <TestApiProvider apis={apis}>
      <FleetPage />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

function rowOf(name: string): HTMLElement {
  const row = screen
    .getAllByRole('row')
    .find(candidate => within(candidate).queryByRole('link', { name }));
  if (!row) {
    throw new Error(`No row for ${name}`);
  }
  return row;
}

function cellOf(name: string, region: string): HTMLElement {
  const cell = rowOf(name).querySelector<HTMLElement>(
    `[data-region="${region}"]`,
  );
  if (!cell) {
    throw new Error(`No cell for ${name} in ${region}`);
  }
  return cell;
}

describe('FleetPage', () => {
  it('opens on the user’s own teams, with each cell’s figures and a failed region’s error', async () => {
    const fleetApi = fakeFleetApi();
    await renderPage({ fleetApi });

    const grid = await screen.findByRole('table', { name: 'Fleet' });
    expect(fleetApi.getFleet).toHaveBeenCalledWith({ owners: ownershipRefs });
    expect(
      within(grid)
        .getAllByRole('columnheader')
        .map(header => header.textContent),
    ).toEqual([
      'Service',
      'Owner, tier and actions',
      'eu-west',
      'us-east',
      'ap-southeast',
    ]);
    // The user's own team's service comes first.
    const rows = within(grid).getAllByRole('row').slice(1);
    expect(
      within(grid)
        .getAllByRole('rowheader')
        .map(header => header.textContent),
    ).toEqual(['Order Service', 'Logging Service']);
    expect(rows[0]).toHaveTextContent('critical · commerce-team');
    expect(grid).toHaveAttribute('aria-rowcount', '3');

    const usEast = cellOf('Order Service', 'us-east');
    expect(usEast).toHaveTextContent('Warn');
    expect(usEast).toHaveTextContent('5 of 6 ready · $1.20/h');
    expect(usEast).toHaveTextContent('HPA 45 % of 70 %');
    expect(usEast).toHaveTextContent('Rollout progressing, step 2 of 4');
    expect(usEast).toHaveTextContent('DR ready');

    const failed = cellOf('Order Service', 'ap-southeast');
    expect(failed).toHaveTextContent('ap-southeast failed');
    expect(failed).toHaveTextContent(
      'meschain-ap-southeast did not answer within 5000 ms',
    );
    expect(
      within(failed).queryByRole('button', { name: /^Scale/ }),
    ).not.toBeInTheDocument();

    expect(cellOf('Logging Service', 'eu-west')).toHaveTextContent(
      /Fail.*0 of 2 ready.*DR not ready/,
    );
    expect(cellOf('Logging Service', 'us-east')).toHaveTextContent(
      'Not deployed',
    );
    expect(screen.getByText('Updated just now')).toBeInTheDocument();
    expect(screen.getByText('Refreshed every 30 s')).toBeInTheDocument();
  });

  it('reads the fleet again for each filter', async () => {
    const fleetApi = fakeFleetApi();
    await renderPage({ fleetApi });
    await screen.findByRole('table', { name: 'Fleet' });

    await userEvent.selectOptions(screen.getByLabelText('Owner'), 'All owners');
    await waitFor(() => expect(fleetApi.getFleet).toHaveBeenLastCalledWith({}));

    await userEvent.selectOptions(screen.getByLabelText('Owner'), 'Platform');
    await userEvent.selectOptions(
      screen.getByLabelText('System'),
      'MesChain-Sync',
    );
    await userEvent.selectOptions(screen.getByLabelText('Tier'), 'critical');
    await userEvent.selectOptions(screen.getByLabelText('Health'), 'Fail');
    await waitFor(() =>
      expect(fleetApi.getFleet).toHaveBeenLastCalledWith({
        owners: ['group:default/platform-team'],
        systems: ['system:default/meschain-sync'],
        tiers: ['critical'],
        healths: ['fail'],
      }),
    );
  });

  it('renders only a window of a large fleet’s rows', async () => {
    const regions = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7'];
    const fleetApi = fakeFleetApi({
      getFleet: jest.fn().mockResolvedValue(largeFleet(2000, regions)),
    });
    await renderPage({ fleetApi });

    const grid = await screen.findByRole('table', { name: 'Fleet' });
    expect(grid).toHaveAttribute('aria-rowcount', '2001');
    expect(screen.getByText('2000 services in 7 regions')).toBeInTheDocument();
    const rendered = within(grid).getAllByRole('row').length - 1;
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(30);
    expect(
      within(grid).getByRole('link', { name: 'service-0000' }),
    ).toBeInTheDocument();
    expect(
      within(grid).queryByRole('link', { name: 'service-1999' }),
    ).not.toBeInTheDocument();
  });

  it('scales a cell through the scaling write, and reads the fleet again', async () => {
    const fleetApi = fakeFleetApi();
    const scalingApi = fakeScalingApi({
      scaleWorkload: jest.fn().mockResolvedValue({
        region: 'eu-west',
        cluster: 'meschain-eu-west',
        before: 3,
        after: 5,
      }),
    });
    await renderPage({ fleetApi, scalingApi });
    await screen.findByRole('table', { name: 'Fleet' });
    const reads = fleetApi.getFleet.mock.calls.length;

    await userEvent.click(
      screen.getByRole('button', { name: 'Scale Order Service in eu-west' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Scale order-service in eu-west',
    });
    expect(scalingApi.getEntityScaling).toHaveBeenCalledWith({
      kind: 'component',
      namespace: 'default',
      name: 'order-service',
    });
    const replicas = within(dialog).getByLabelText('Replicas');
    await userEvent.clear(replicas);
    await userEvent.type(replicas, '5');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Confirm' }),
    );

    await waitFor(() =>
      expect(scalingApi.scaleWorkload).toHaveBeenCalledWith(
        { kind: 'component', namespace: 'default', name: 'order-service' },
        {
          cluster: 'meschain-eu-west',
          workload: {
            kind: 'Deployment',
            namespace: 'meschain-sync',
            name: 'order-service',
          },
          replicas: 5,
          resourceVersion: '41',
        },
      ),
    );
    await waitFor(() =>
      expect(fleetApi.getFleet.mock.calls.length).toBeGreaterThan(reads),
    );
  });

  it('applies a preset to a row through the policy write, in every region', async () => {
    const scalingApi = fakeScalingApi({
      applyPolicy: jest.fn().mockResolvedValue({
        dryRun: false,
        results: [{ region: 'eu-west', outcome: 'updated' }],
      }),
    });
    await renderPage({ scalingApi });
    await screen.findByRole('table', { name: 'Fleet' });

    await userEvent.click(
      screen.getByRole('button', { name: 'Apply a preset to Order Service' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Apply a preset to Order Service',
    });
    const presetSelect = await within(dialog).findByLabelText('Preset');
    const [firstPreset] = (
      await scalingApi.getScalingOptions({
        kind: 'component',
        namespace: 'default',
        name: 'order-service',
      })
    ).presets;
    await userEvent.selectOptions(presetSelect, firstPreset.name);
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Apply' }),
    );

    await waitFor(() =>
      expect(scalingApi.applyPolicy).toHaveBeenCalledWith(
        { kind: 'component', namespace: 'default', name: 'order-service' },
        { regions: ['*'], policy: firstPreset.policy },
      ),
    );
  });

  it('opens the health-check modal of a cell and of a row', async () => {
    await renderPage();
    await screen.findByRole('table', { name: 'Fleet' });

    await userEvent.click(
      screen.getByRole('button', {
        name: 'Health check of Order Service in us-east',
      }),
    );
    expect(
      await screen.findByRole('dialog', {
        name: 'Health check of Order Service in us-east',
      }),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));

    await userEvent.click(
      screen.getByRole('button', { name: 'Health check of Order Service' }),
    );
    expect(
      await screen.findByRole('dialog', {
        name: 'Health check of Order Service',
      }),
    ).toBeInTheDocument();
  });

  it('reads the fleet again when a signal names a cell on screen', async () => {
    const signals = fakeSignalApi();
    const scaled = {
      ...fleet,
      services: [
        {
          ...orderService,
          regions: [
            fleetCell('eu-west', { replicas: { desired: 5, ready: 4 } }),
            ...orderService.regions.slice(1),
          ],
        },
        ...fleet.services.slice(1),
      ],
    };
    const fleetApi = fakeFleetApi({
      getFleet: jest
        .fn()
        .mockResolvedValueOnce(fleet)
        .mockResolvedValue(scaled),
    });
    await renderPage({ fleetApi, signalApi: signals.api });
    await screen.findByRole('table', { name: 'Fleet' });
    expect(
      screen.getByText('Live: changes appear as the clusters report them'),
    ).toBeInTheDocument();
    expect(cellOf('Order Service', 'eu-west')).toHaveTextContent(
      '3 of 3 ready',
    );

    const elsewhere: FleetSignal = {
      type: 'changed',
      cells: [{ entityRef: 'component:default/not-shown', region: 'eu-west' }],
      at: new Date().toISOString(),
    };
    await signals.publish('scaling:fleet', elsewhere);
    const signal: FleetSignal = {
      type: 'changed',
      cells: [{ entityRef: orderService.entityRef, region: 'eu-west' }],
      at: new Date().toISOString(),
    };
    await signals.publish('scaling:fleet', signal);

    await waitFor(() =>
      expect(cellOf('Order Service', 'eu-west')).toHaveTextContent(
        '4 of 5 ready',
      ),
    );
    expect(fleetApi.getFleet).toHaveBeenCalledTimes(2);
  });
});
