import { Entity } from '@backstage/catalog-model';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen, within } from '@testing-library/react';
import { fleetApiRef, regionsApiRef } from '../../api';
import { fakeFleetApi } from '../../__testUtils__/fakeFleetApi';
import { fakeRegionsApi } from '../../__testUtils__/fakeRegionsApi';
import { OwnedServicesCard } from './OwnedServicesCard';

function component(name: string, owner: string, title?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', ...(title && { title }) },
    spec: { type: 'service', owner, lifecycle: 'production' },
    relations: [{ type: 'ownedBy', targetRef: `group:default/${owner}` }],
  };
}

const catalog = [
  component('logging-service', 'platform-team', 'Logging Service'),
  component('monitoring-service', 'platform-team', 'Monitoring Service'),
  component('order-service', 'commerce-team', 'Order Service'),
];

function renderCard(ownershipEntityRefs: string[], fleetApi = fakeFleetApi()) {
  return renderInTestApp(<OwnedServicesCard />, {
    apis: [
      [catalogApiRef, catalogApiMock({ entities: catalog })],
      [regionsApiRef, fakeRegionsApi()],
      [fleetApiRef, fleetApi],
      mockApis.identity({
        userEntityRef: 'user:default/guest',
        ownershipEntityRefs,
      }),
    ],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

describe('OwnedServicesCard', () => {
  it('lists the services the user’s groups own, with their health, regions, replicas ready and spend', async () => {
    const fleetApi = fakeFleetApi();
    renderCard(['user:default/guest', 'group:default/platform-team'], fleetApi);

    const table = await screen.findByRole('table', { name: 'My services' });
    // The fleet's health and spend arrive apart from the catalog's services.
    await within(table).findByText('$0.42/h');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(row => row.textContent)).toEqual([
      // logging-service runs in tr-central with 3 of 3 ready (the regions
      // fixture); the fleet fixture says it fails and costs $0.42 an hour.
      expect.stringMatching(/^Logging ServiceFail13 of 3\$0\.42\/h$/),
      // monitoring-service runs nowhere the clusters know of.
      expect.stringMatching(/^Monitoring Service———$/),
    ]);
    expect(fleetApi.getFleet).toHaveBeenCalledWith({
      owners: ['user:default/guest', 'group:default/platform-team'],
    });
    expect(
      within(rows[0]).getByRole('link', { name: /Logging Service/ }),
    ).toHaveAttribute('href', '/catalog/default/component/logging-service');
    expect(screen.queryByText('Order Service')).not.toBeInTheDocument();
  });

  it('says so when the user’s groups own nothing', async () => {
    renderCard(['user:default/guest', 'group:default/data-team']);

    expect(
      await screen.findByText(
        'Your groups own no services in the catalog yet.',
      ),
    ).toBeInTheDocument();
  });
});
