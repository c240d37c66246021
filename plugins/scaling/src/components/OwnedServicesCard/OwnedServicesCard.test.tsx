import { Entity } from '@backstage/catalog-model';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen, within } from '@testing-library/react';
import { regionsApiRef } from '../../api';
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

function renderCard(ownershipEntityRefs: string[]) {
  return renderInTestApp(<OwnedServicesCard />, {
    apis: [
      [catalogApiRef, catalogApiMock({ entities: catalog })],
      [regionsApiRef, fakeRegionsApi()],
      mockApis.identity({
        userEntityRef: 'user:default/guest',
        ownershipEntityRefs,
      }),
    ],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

describe('OwnedServicesCard', () => {
  it('lists the services the user’s groups own, with their regions and replicas ready', async () => {
    renderCard(['user:default/guest', 'group:default/platform-team']);

    const table = await screen.findByRole('table', { name: 'Your services' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(row => row.textContent)).toEqual([
      // logging-service runs in tr-central with 3 of 3 ready (the regions fixture).
      expect.stringMatching(/^Logging Service13 of 3$/),
      // monitoring-service runs nowhere the clusters know of.
      expect.stringMatching(/^Monitoring Service——$/),
    ]);
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
