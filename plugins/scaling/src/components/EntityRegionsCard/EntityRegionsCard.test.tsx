import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeRegionsApi } from '../../__testUtils__/fakeRegionsApi';
import { entity } from '../../__testUtils__/fixtures';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { RegionsApi, regionsApiRef } from '../../api';
import { EntityRegionsCard } from './EntityRegionsCard';

function renderCard(regionsApi: RegionsApi) {
  return renderInTestApp(
    <TestApiProvider apis={[[regionsApiRef, regionsApi]]}>
      <EntityProvider entity={entity}>
        <EntityRegionsCard />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('EntityRegionsCard', () => {
  it('reads the replicas again every 30 s and says when they were read', async () => {
    jest.useFakeTimers();
    try {
      const regionsApi = fakeRegionsApi();
      await renderCard(regionsApi);
      expect(await screen.findByText('Updated just now')).toBeInTheDocument();

      await act(async () => {
        jest.advanceTimersByTime(30_000);
      });
      expect(regionsApi.getEntityRegions).toHaveBeenCalledTimes(2);
      expect(await screen.findByText('Updated just now')).toBeInTheDocument();
    } finally {
      jest.useRealTimers();
    }
  });

  it('shows the entity’s regions on a map, its replicas per region and its DR verdict', async () => {
    const regionsApi = fakeRegionsApi();
    await renderCard(regionsApi);

    expect(await screen.findByLabelText('DR verdict')).toHaveTextContent(
      'DR readiness: fail',
    );
    expect(regionsApi.getEntityRegions).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'order-service',
    });
    const map = screen.getByRole('group', {
      name: 'Regions of component:default/order-service',
    });
    expect(
      within(map).getByRole('button', { name: /\(tr-central\)/ }),
    ).toHaveAccessibleName('Türkiye Central (tr-central), healthy');
    // One of eu-central's three replicas is ready.
    expect(
      within(map).getByRole('button', { name: /\(eu-central\)/ }),
    ).toHaveAccessibleName('EU Central (eu-central), degraded');
    const rows = within(
      screen.getByRole('table', { name: 'Replicas per region' }),
    ).getAllByRole('row');
    expect(rows.slice(1).map(r => r.textContent)).toEqual([
      'tr-centralmeschain-tr-central3 of 3',
      'eu-centralmeschain-eu-central1 of 3',
    ]);
    const dr = screen.getByRole('region', {
      name: 'DR readiness of component:default/order-service in tr-central',
    });
    expect(dr).toHaveTextContent('same-image: eu-central runs another image');
    // Only what fails is listed at first; the checks that pass on request.
    expect(dr.querySelector('[data-check-id="scale-up-time"]')).toBeNull();
    await userEvent.click(
      within(dr).getByRole('button', { name: /^Show all \d+ checks/ }),
    );
    expect(
      dr.querySelector('[data-check-id="scale-up-time"]'),
    ).toBeInTheDocument();
  });

  it('shows the backend’s error', async () => {
    await renderCard(
      fakeRegionsApi({
        getEntityRegions: jest
          .fn()
          .mockRejectedValue(new Error('No entity here')),
      }),
    );
    expect(
      await screen.findByText('Error: No entity here'),
    ).toBeInTheDocument();
  });
});
