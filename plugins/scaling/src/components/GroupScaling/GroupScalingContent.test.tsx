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
import { GroupScalingContent } from './GroupScalingContent';

const group: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'commerce-team', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

describe('GroupScalingContent', () => {
  it('shows the team’s services with health, replicas, spend and rollouts, its cost, its recent scaling events and its reports', async () => {
    const fleetApi = fakeFleetApi({
      getFleet: jest
        .fn()
        .mockResolvedValue({ ...fleet, services: [orderService] }),
    });
    const scalingApi = fakeScalingApi();
    const healthApi = fakeHealthApi();
    const reportsApi = {
      listReports: jest.fn().mockResolvedValue([]),
      createReport: jest.fn(),
      downloadReport: jest.fn(),
    };
    await renderInTestApp(
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
