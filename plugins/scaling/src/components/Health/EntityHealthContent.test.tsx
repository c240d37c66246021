import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { entityRef } from '../../__testUtils__/fixtures';
import { fakeHealthApi } from '../../__testUtils__/fakeHealthApi';
import { renderWithHealthApis } from '../../__testUtils__/renderWithHealthApis';
import { EntityHealthContent } from './EntityHealthContent';

describe('EntityHealthContent', () => {
  it('shows each region’s signals with their sparklines, and a failed region’s error in its row', async () => {
    const healthApi = fakeHealthApi();
    await renderWithHealthApis(<EntityHealthContent />, { healthApi });

    const table = await screen.findByRole('table', {
      name: 'Golden signals by region',
    });
    const euWest = within(table).getByRole('row', { name: /eu-west/ });
    for (const text of [
      '42.5 req/s',
      '0.04 %',
      '31 ms',
      '182 ms',
      '410 ms',
      '55.0 %',
      '62.0 %',
      'below max',
    ]) {
      expect(euWest).toHaveTextContent(text);
    }
    expect(
      within(euWest).getByRole('img', {
        name: 'Request rate in eu-west over the window: 5 samples from 40 req/s to 44 req/s',
      }),
    ).toBeInTheDocument();
    expect(
      within(euWest).getByRole('img', { name: /^Latency p95 in eu-west/ }),
    ).toHaveAccessibleName(
      'Latency p95 in eu-west over the window: 3 samples from 170 ms to 190 ms',
    );

    const usEast = within(table).getByRole('row', { name: /us-east/ });
    expect(usEast).toHaveTextContent(
      'Metrics unavailable: Prometheus at http://prometheus.us-east.test answered 503',
    );
    expect(within(usEast).queryByRole('img')).not.toBeInTheDocument();
    expect(
      within(usEast).getByRole('button', { name: 'Health check of us-east' }),
    ).toBeEnabled();

    expect(healthApi.getEntityHealth).toHaveBeenCalledWith(entityRef, {
      window: '1h',
    });
    expect(screen.getByText(/^Updated/)).toBeInTheDocument();
  });

  it('shows the SLO’s budget left, burn rates per window and the firing burn-rate alert', async () => {
    await renderWithHealthApis(<EntityHealthContent />);

    expect(
      await screen.findByText(
        'Availability 99.9 % and p95 latency under 500 ms, over 30 days',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('progressbar', {
        name: '62.5 % of the error budget left',
      }),
    ).toHaveAttribute('aria-valuenow', '63');
    const burnRates = screen.getByRole('table', { name: 'Burn rates' });
    expect(
      within(burnRates).getByRole('row', { name: /^5m/ }),
    ).toHaveTextContent('5m16.2×');
    expect(
      within(burnRates).getByRole('row', { name: /^3d/ }),
    ).toHaveTextContent('3d0.4×');
    expect(
      screen.getByText('Firing (page): burn rate above 14.4× over 1h and 5m'),
    ).toBeInTheDocument();
  });

  it('names the backend’s refusal instead of showing figures', async () => {
    const healthApi = fakeHealthApi({
      getEntityHealth: jest
        .fn()
        .mockRejectedValue(new Error('No metrics source is configured')),
    });
    await renderWithHealthApis(<EntityHealthContent />, { healthApi });

    expect(
      (await screen.findAllByText(/No metrics source is configured/)).length,
    ).toBeGreaterThan(0);
    expect(
      screen.queryByRole('table', { name: 'Golden signals by region' }),
    ).not.toBeInTheDocument();
  });

  it('shows the alerts firing now, and those a maintenance window silences, in words', async () => {
    await renderWithHealthApis(<EntityHealthContent />);

    const alerts = await screen.findByRole('table', { name: 'Active alerts' });
    expect(
      within(alerts).getByRole('row', { name: /HighErrorRatio/ }),
    ).toHaveTextContent(
      /^FiringHighErrorRatiocriticalus-east.*Errors at 4\.1 % in us-east$/,
    );
    expect(
      within(alerts).getByRole('row', { name: /LatencyHeadingUp/ }),
    ).toHaveTextContent(
      /^Silenced by a maintenance windowLatencyHeadingUpwarningeu-west/,
    );
    // The rule and window dialogs offer the regions the signals come from.
    await userEvent.click(
      await screen.findByRole('button', { name: 'New alert rule' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'New alert rule',
    });
    expect(
      within(within(dialog).getByLabelText('Region')).getAllByRole('option'),
    ).toHaveLength(3);
  });
});
