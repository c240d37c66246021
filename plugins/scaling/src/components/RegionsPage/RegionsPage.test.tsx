import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RegionsApi, regionsApiRef } from '../../api';
import { fakeRegionsApi } from '../../__testUtils__/fakeRegionsApi';
import { RegionsPage } from './RegionsPage';

function renderPage(regionsApi: RegionsApi) {
  return renderInTestApp(
    <TestApiProvider apis={[[regionsApiRef, regionsApi]]}>
      <RegionsPage />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

const map = () => screen.getByRole('group', { name: 'World map of regions' });
const marker = (regionId: string) =>
  within(map()).getByRole('button', { name: new RegExp(`\\(${regionId}\\)`) });
const tableRow = (regionId: string) =>
  screen
    .getByRole('table', { name: 'Regions' })
    .querySelector(`tr[data-region-id="${regionId}"]`) as HTMLElement;

describe('RegionsPage', () => {
  it('reads the regions again every 30 s and says when they were read', async () => {
    jest.useFakeTimers();
    try {
      const regionsApi = fakeRegionsApi();
      await renderPage(regionsApi);
      expect(await screen.findByText('Updated just now')).toBeInTheDocument();

      await act(async () => {
        jest.advanceTimersByTime(29_000);
      });
      expect(screen.getByText('Updated 29 s ago')).toBeInTheDocument();
      expect(regionsApi.getRegionsOverview).toHaveBeenCalledTimes(1);

      await act(async () => {
        jest.advanceTimersByTime(1_000);
      });
      expect(regionsApi.getRegionsOverview).toHaveBeenCalledTimes(2);
      expect(await screen.findByText('Updated just now')).toBeInTheDocument();
    } finally {
      jest.useRealTimers();
    }
  });

  it('maps each region by health with its DR arcs, and tables capacity, latency and cost', async () => {
    await renderPage(fakeRegionsApi());

    expect(
      await screen.findByRole('group', { name: 'World map of regions' }),
    ).toBeInTheDocument();
    expect(marker('tr-central')).toHaveAccessibleName(
      'Türkiye Central (tr-central), healthy',
    );
    expect(marker('eu-central')).toHaveAccessibleName(
      'EU Central (eu-central), degraded',
    );
    const arcs = map().querySelectorAll('[data-testid="dr-arcs"] path');
    expect(
      [...arcs].map(
        a => `${a.getAttribute('data-from')}>${a.getAttribute('data-to')}`,
      ),
    ).toEqual(['tr-central>eu-central', 'eu-central>tr-central']);

    const row = within(tableRow('tr-central'));
    expect(row.getByText('2 of 8 cores')).toBeInTheDocument();
    expect(row.getByText('8 of 32 GiB')).toBeInTheDocument();
    expect(
      row.getByText('45 ms configured · 3 ms measured'),
    ).toBeInTheDocument();
    expect(row.getByText('$0.50')).toBeInTheDocument();
    expect(row.getByText('$365.00')).toBeInTheDocument();
    expect(row.getByText('2')).toBeInTheDocument();
    expect(
      screen.getByRole('button', {
        name: 'DR readiness: 0 pass, 1 fail, 0 unknown · show what fails',
      }),
    ).toBeInTheDocument();
  });

  it('opens the failing DR checks from the summary, failing checks first', async () => {
    await renderPage(fakeRegionsApi());
    const summary = await screen.findByRole('button', {
      name: /^DR readiness: 0 pass, 1 fail/,
    });
    expect(summary).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(summary);

    expect(summary).toHaveAttribute('aria-expanded', 'true');
    const failing = screen.getByRole('region', { name: 'Failing DR checks' });
    const dr = within(failing).getByRole('region', {
      name: 'DR readiness of component:default/order-service in tr-central',
    });
    expect(
      dr.querySelector('[data-check-id="same-image"]'),
    ).toBeInTheDocument();
    // The checks that pass are summed up, and shown on request.
    expect(dr.querySelector('[data-check-id="scale-up-time"]')).toBeNull();
    await userEvent.click(
      within(dr).getByRole('button', { name: /^Show all \d+ checks/ }),
    );
    expect(
      dr.querySelector('[data-check-id="scale-up-time"]'),
    ).toBeInTheDocument();
  });

  it('shows a clicked region’s clusters, services and DR checks with their figures', async () => {
    await renderPage(fakeRegionsApi());
    await userEvent.click(
      await screen.findByRole('button', { name: /\(tr-central\)/ }),
    );

    const services = screen.getByRole('table', {
      name: 'Services in tr-central',
    });
    expect(
      within(services).getByRole('link', { name: 'order-service' }),
    ).toBeInTheDocument();
    expect(
      within(services).getByRole('link', { name: 'logging-service' }),
    ).toBeInTheDocument();
    expect(
      within(services).getByText('meschain/order-service:2.0.0'),
    ).toBeInTheDocument();

    const dr = screen.getByRole('region', {
      name: 'DR readiness of component:default/order-service in tr-central',
    });
    expect(dr).toHaveTextContent('tr-central → eu-central, fail');
    expect(dr.querySelector('[data-check-id="same-image"]')).toHaveTextContent(
      'primary: meschain/order-service:2.0.0; partner: meschain/order-service:1.9.0',
    );
    await userEvent.click(
      within(dr).getByRole('button', { name: /^Show all \d+ checks/ }),
    );
    expect(
      dr.querySelector('[data-check-id="scale-up-time"]'),
    ).toHaveTextContent('3 → 6 replicas, HPA max 10: 0.5 min (limit 10 min)');
  });

  it('names a region’s failed cluster and why', async () => {
    await renderPage(fakeRegionsApi());
    await userEvent.click(
      await screen.findByRole('button', { name: /\(eu-central\)/ }),
    );
    expect(
      screen.getByText(
        'meschain-eu-central-2: ServiceUnavailableError: cluster did not answer',
      ),
    ).toBeInTheDocument();
  });

  it('narrows services to an owner and fades the regions left without any', async () => {
    await renderPage(fakeRegionsApi());
    await userEvent.click(await screen.findByRole('button', { name: /Owner/ }));
    await userEvent.click(
      screen.getByRole('option', { name: 'group:default/platform-team' }),
    );

    expect(
      within(tableRow('tr-central')).getAllByRole('cell').at(-1),
    ).toHaveTextContent('1');
    expect(
      within(tableRow('eu-central')).getAllByRole('cell').at(-1),
    ).toHaveTextContent('0');
    expect(marker('eu-central')).toHaveAttribute('opacity', '0.3');
    expect(marker('tr-central')).toHaveAttribute('opacity', '1');

    await userEvent.click(marker('tr-central'));
    const services = screen.getByRole('table', {
      name: 'Services in tr-central',
    });
    expect(
      within(services).queryByRole('link', { name: 'order-service' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByText('No service has this region as its primary.'),
    ).toBeInTheDocument();
  });

  it('turns the edge-location layer on and off', async () => {
    await renderPage(fakeRegionsApi());
    const toggle = await screen.findByRole('checkbox', {
      name: 'Edge locations (2)',
    });
    expect(screen.queryByTestId('edge-locations')).not.toBeInTheDocument();
    await userEvent.click(toggle);
    const edges = screen
      .getByTestId('edge-locations')
      .querySelectorAll('circle');
    expect([...edges].map(e => e.getAttribute('data-edge-kind'))).toEqual([
      'cdn-pop',
      'edge-compute',
    ]);
    await userEvent.click(toggle);
    expect(screen.queryByTestId('edge-locations')).not.toBeInTheDocument();
  });

  it('shows the backend’s error when the regions cannot be read', async () => {
    await renderPage(
      fakeRegionsApi({
        getRegionsOverview: jest
          .fn()
          .mockRejectedValue(new Error('scaling backend is down')),
      }),
    );
    expect(
      await screen.findByText('Error: scaling backend is down'),
    ).toBeInTheDocument();
  });
});
