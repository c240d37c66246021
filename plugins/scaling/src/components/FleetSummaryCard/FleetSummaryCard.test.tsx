import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import { costApiRef, regionsApiRef } from '../../api';
import { fakeCostApi } from '../../__testUtils__/fakeCostApi';
import { fakeRegionsApi } from '../../__testUtils__/fakeRegionsApi';
import { regionsOverview } from '../../__testUtils__/regionsFixtures';
import { costRouteRef, regionsRouteRef } from '../../routes';
import { FleetSummaryCard } from './FleetSummaryCard';

function renderCard(regionsApi = fakeRegionsApi(), costApi = fakeCostApi()) {
  return renderInTestApp(<FleetSummaryCard />, {
    apis: [
      [regionsApiRef, regionsApi],
      [costApiRef, costApi],
    ],
    mountedRoutes: { '/regions': regionsRouteRef, '/cost': costRouteRef },
  });
}

/** The figure under a label, and the line that explains it. */
function figure(label: string) {
  const term = screen.getByText(label, { selector: 'dt' });
  return within(term.parentElement!);
}

describe('FleetSummaryCard', () => {
  it('sums the fleet from the regions overview and the org cost', async () => {
    renderCard();

    await screen.findByRole('region', { name: 'MesChain-Sync at a glance' });
    // order-service in two regions and logging-service in one; all 9 replicas ready.
    expect(figure('Services').getByText('2')).toBeInTheDocument();
    expect(
      figure('Services').getByText('all replicas ready'),
    ).toBeInTheDocument();
    expect(figure('Replicas ready').getByText('9 of 9')).toBeInTheDocument();
    expect(figure('Regions').getByText('2')).toBeInTheDocument();
    expect(
      figure('Regions').getByText('1 healthy · 1 degraded'),
    ).toBeInTheDocument();
    expect(figure('DR readiness').getByText('0 of 1 pass')).toBeInTheDocument();
    expect(figure('DR readiness').getByText('1 fail')).toBeInTheDocument();
    expect(
      await screen.findByText('$25,400', { selector: 'dd' }),
    ).toBeInTheDocument();
    expect(figure('Run rate').getByText('$730.00')).toBeInTheDocument();
    expect(screen.getByText('Updated just now')).toBeInTheDocument();
  });

  it('counts a service with a region short of ready replicas', async () => {
    const [tr, eu] = regionsOverview.regions;
    const shortOfReplicas = {
      ...regionsOverview,
      regions: [
        tr,
        {
          ...eu,
          services: eu.services.map(p => ({
            ...p,
            replicas: { desired: 3, ready: 1 },
          })),
        },
      ],
    };
    renderCard(
      fakeRegionsApi({
        getRegionsOverview: jest.fn().mockResolvedValue(shortOfReplicas),
      }),
    );

    await screen.findByRole('region', { name: 'MesChain-Sync at a glance' });
    expect(
      figure('Services').getByText('1 not fully ready'),
    ).toBeInTheDocument();
    expect(figure('Replicas ready').getByText('7 of 9')).toBeInTheDocument();
  });

  it('links to the Regions and Cost pages', async () => {
    renderCard();

    expect(
      await screen.findByRole('link', {
        name: 'Regions, health and DR readiness',
      }),
    ).toHaveAttribute('href', '/regions');
    expect(
      screen.getByRole('link', { name: 'Cost by team and service' }),
    ).toHaveAttribute('href', '/cost');
  });

  it('shows what it could read when the cost cannot be read', async () => {
    renderCard(
      fakeRegionsApi(),
      fakeCostApi({
        getOrgCost: jest.fn().mockRejectedValue(new Error('cost store down')),
      }),
    );

    expect(
      await screen.findByText(/The cost could not be read/),
    ).toBeInTheDocument();
    expect(figure('Services').getByText('2')).toBeInTheDocument();
    expect(screen.queryByText('Spend')).not.toBeInTheDocument();
  });
});
