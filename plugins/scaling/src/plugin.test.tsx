import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { costApiRef, regionsApiRef } from './api';
import { fakeCostApi } from './__testUtils__/fakeCostApi';
import { fakeRegionsApi } from './__testUtils__/fakeRegionsApi';
import { HomePageScalingFleetSummary, ScalingRegionsPage } from './plugin';
import { costRouteRef, regionsRouteRef } from './routes';

/** Lazily loaded extensions can take seconds to import in a busy test run. */
const lazyLoad = { timeout: 15_000 };
jest.setTimeout(30_000);

describe('the legacy scaling plugin', () => {
  it('renders the fleet summary home card, linking to the Regions and Cost pages', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [regionsApiRef, fakeRegionsApi()],
          [costApiRef, fakeCostApi()],
        ]}
      >
        <HomePageScalingFleetSummary />
      </TestApiProvider>,
      { mountedRoutes: { '/regions': regionsRouteRef, '/cost': costRouteRef } },
    );

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

  it('renders the Regions page at its route, with the world map of regions', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[regionsApiRef, fakeRegionsApi()]]}>
        <Routes>
          <Route path="/regions" element={<ScalingRegionsPage />} />
        </Routes>
      </TestApiProvider>,
      {
        routeEntries: ['/regions'],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );

    const map = await screen.findByRole(
      'group',
      { name: 'World map of regions' },
      lazyLoad,
    );
    expect(
      within(map).getByRole('button', { name: /\(tr-central\)/ }),
    ).toHaveAccessibleName('Türkiye Central (tr-central), healthy');
  });
});
