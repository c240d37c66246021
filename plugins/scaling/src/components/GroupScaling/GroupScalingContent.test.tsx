import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  costApiRef,
  fleetApiRef,
  healthApiRef,
  reportsApiRef,
  scalingApiRef,
} from '../../api';
import { fakeCostApi } from '../../__testUtils__/fakeCostApi';
import { fakeFleetApi } from '../../__testUtils__/fakeFleetApi';
import { fakeHealthApi } from '../../__testUtils__/fakeHealthApi';
import { fakeScalingApi } from '../../__testUtils__/fakeScalingApi';
import { fleet, orderService } from '../../__testUtils__/fleetFixtures';
import { scalingHistory } from '../../__testUtils__/fixtures';
import { GroupScalingContent } from './GroupScalingContent';

const group: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'commerce-team', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

function fakeReportsApi() {
  return {
    listReports: jest.fn().mockResolvedValue([]),
    createReport: jest.fn(),
    downloadReport: jest.fn(),
  };
}

function renderGroupScaling(
  apis: {
    fleetApi?: ReturnType<typeof fakeFleetApi>;
    scalingApi?: ReturnType<typeof fakeScalingApi>;
    healthApi?: ReturnType<typeof fakeHealthApi>;
    reportsApi?: ReturnType<typeof fakeReportsApi>;
  } = {},
) {
  const {
    fleetApi = fakeFleetApi({
      getFleet: jest
        .fn()
        .mockResolvedValue({ ...fleet, services: [orderService] }),
    }),
    scalingApi = fakeScalingApi(),
    healthApi = fakeHealthApi(),
    reportsApi = fakeReportsApi(),
  } = apis;
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [fleetApiRef, fleetApi],
        [scalingApiRef, scalingApi],
        [costApiRef, fakeCostApi()],
        [healthApiRef, healthApi],
        [reportsApiRef, reportsApi],
      ]}
    >
      <EntityProvider entity={group}>
        <GroupScalingContent />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('GroupScalingContent', () => {
  it('lists each of a service’s events once, even two rescales in one region in the same second', async () => {
    const rescale = scalingHistory.events[1];
    const scalingApi = fakeScalingApi({
      getHistory: jest.fn().mockResolvedValue({
        events: [
          { ...rescale, id: 'meschain-us-east/uid-1' },
          { ...rescale, id: 'meschain-us-east/uid-2' },
        ],
      }),
    });
    const consoleError = jest.spyOn(console, 'error');
    await renderGroupScaling({ scalingApi });

    const events = await screen.findByRole('table', {
      name: 'Recent scaling events',
    });
    expect(within(events).getAllByRole('row').slice(1)).toHaveLength(2);
    const duplicateKeyWarnings = consoleError.mock.calls.filter(args =>
      args.join(' ').includes('two children with the same key'),
    );
    expect(duplicateKeyWarnings).toEqual([]);
    consoleError.mockRestore();
  });

  it('shows the team’s services with health, replicas, spend and rollouts, its cost, its recent scaling events and its reports', async () => {
    const fleetApi = fakeFleetApi({
      getFleet: jest
        .fn()
        .mockResolvedValue({ ...fleet, services: [orderService] }),
    });
    const scalingApi = fakeScalingApi();
    const healthApi = fakeHealthApi();
    const reportsApi = fakeReportsApi();
    await renderGroupScaling({ fleetApi, scalingApi, healthApi, reportsApi });

    const services = await screen.findByRole('table', {
      name: 'Team services',
    });
    expect(fleetApi.getFleet).toHaveBeenCalledWith({
      owners: ['group:default/commerce-team'],
    });
    const [, row] = within(services).getAllByRole('row');
    // The worst of its regions; 3 + 5 of 3 + 6 ready; $0.42 + $1.20 an hour.
    expect(row).toHaveTextContent(
      /^Order ServiceWarnNot read: ap-southeast8 of 9\$1\.62\/hus-east$/,
    );

    expect(
      await screen.findByRole('region', { name: 'Team cost' }),
    ).toHaveTextContent('$2,841');

    const events = await screen.findByRole('table', {
      name: 'Recent scaling events',
    });
    expect(scalingApi.getHistory).toHaveBeenCalledWith(
      { kind: 'component', namespace: 'default', name: 'order-service' },
      { limit: 10 },
    );
    const eventRows = within(events).getAllByRole('row').slice(1);
    expect(eventRows).toHaveLength(2);
    expect(eventRows[0]).toHaveTextContent('Scaled replicas · eu-west');
    expect(eventRows[0]).toHaveTextContent('Succeeded');
    expect(
      within(eventRows[0]).getByRole('link', { name: 'order-service' }),
    ).toHaveAttribute('href', '/catalog/default/component/order-service');
    expect(eventRows[1]).toHaveTextContent('HPA rescaled · us-east');

    // The team's reports.
    expect(reportsApi.listReports).toHaveBeenCalledWith({
      team: 'group:default/commerce-team',
    });

    await userEvent.click(
      within(row).getByRole('button', {
        name: 'Health check of Order Service',
      }),
    );
    expect(
      await screen.findByRole('dialog', {
        name: 'Health check of Order Service',
      }),
    ).toBeInTheDocument();
    expect(healthApi.getHealthChecks).toHaveBeenCalledWith(
      { kind: 'component', namespace: 'default', name: 'order-service' },
      { region: undefined },
    );
  });
});
