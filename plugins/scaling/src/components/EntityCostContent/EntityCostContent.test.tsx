import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { entity, entityRef } from '../../__testUtils__/fixtures';
import { entityCost } from '../../__testUtils__/costFixtures';
import { fakeCostApi } from '../../__testUtils__/fakeCostApi';
import { renderWithCostApi } from '../../__testUtils__/renderWithCostApi';
import { EntityCostContent } from './EntityCostContent';

const DAY_MS = 24 * 60 * 60 * 1000;

function windowDays(window: { start: string; end: string }) {
  return (Date.parse(window.end) - Date.parse(window.start)) / DAY_MS;
}

describe('EntityCostContent', () => {
  it('shows the service’s total, change, regions, efficiency and savings, each with its window', async () => {
    const costApi = fakeCostApi();
    await renderWithCostApi(<EntityCostContent />, { costApi, entity });

    const total = await screen.findByRole('region', { name: 'Total cost' });
    expect(total).toHaveTextContent('$1,520');
    expect(total).toHaveTextContent('28 Oct 2026 – 26 Nov 2026 (30 days)');
    expect(total).toHaveTextContent(
      '+$120.40 (+8.6 %) against $1,400 in 28 Sep 2026 – 27 Oct 2026 (30 days)',
    );
    expect(
      screen.getAllByText('28 Oct 2026 – 26 Nov 2026 (30 days)').length,
    ).toBeGreaterThanOrEqual(5);

    const regions = screen.getByRole('table', { name: 'Cost by region' });
    expect(
      within(regions).getByRole('row', { name: /us-east/ }),
    ).toHaveTextContent('us-east$900.2559.2 %');

    expect(
      screen.getByText(
        /2026-11-02, ap-southeast: allocation 3 has a negative cpuCost/,
      ),
    ).toBeInTheDocument();

    const efficiency = await screen.findByRole('table', { name: 'Efficiency' });
    expect(
      within(efficiency).getByRole('row', { name: /^CPU/ }),
    ).toHaveTextContent('CPU2,160 core-hours540 core-hours25.0 %$410.50');

    const recommendations = await screen.findByRole('table', {
      name: 'Recommendations',
    });
    expect(
      within(recommendations).getByRole('row', { name: /Right-sizing/ }),
    ).toHaveTextContent(
      'CPU request cores: 2 coresCPU usage p95 cores: 0.6 cores',
    );
    // Money with its currency and shares as percentages, not `14.660` and `0.650`.
    expect(
      within(recommendations).getByRole('row', { name: /Spot/ }),
    ).toHaveTextContent(
      'Replicas: 3Monthly compute cost: $14.66Spot discount: 65 %',
    );
    expect(
      screen.getByText(/2 recommendations would save/).textContent,
    ).toMatch(/would save \$104\.50 a month \(\$1,254 a year\)/);
  });

  it('reads every figure again over the window the user picks, but the recommendations’ own', async () => {
    const costApi = fakeCostApi();
    await renderWithCostApi(<EntityCostContent />, { costApi, entity });
    await screen.findByRole('region', { name: 'Total cost' });

    const [ref, window] = costApi.getEntityCost.mock.calls[0];
    expect(ref).toEqual(entityRef);
    expect(windowDays(window!)).toBe(30);

    await userEvent.selectOptions(screen.getByLabelText('Window'), '365');
    await waitFor(() => expect(costApi.getEntityCost).toHaveBeenCalledTimes(2));
    for (const method of [costApi.getEntityCost, costApi.getEntityEfficiency]) {
      expect(windowDays(method.mock.calls[1][1]!)).toBe(365);
    }
    // Recommendations come from the last ingestion's hours, whatever the window.
    expect(costApi.getEntityRecommendations).toHaveBeenCalledTimes(1);
    expect(
      screen.getByText(/projected from the hourly usage of/),
    ).toHaveTextContent('13 Nov');
  });

  it('names the backend’s refusal instead of showing figures', async () => {
    const costApi = fakeCostApi({
      getEntityCost: jest
        .fn()
        .mockRejectedValue(new Error('No cost recorded for this entity')),
    });
    await renderWithCostApi(<EntityCostContent />, { costApi, entity });

    expect(
      (await screen.findAllByText(/No cost recorded for this entity/)).length,
    ).toBeGreaterThan(0);
    expect(
      screen.queryByRole('region', { name: 'Total cost' }),
    ).not.toBeInTheDocument();
  });

  it('says the service’s data starts inside the window, and compares nothing', async () => {
    const costApi = fakeCostApi({
      getEntityCost: jest.fn().mockResolvedValue({
        ...entityCost,
        dataStart: '2026-11-05',
        change: undefined,
      }),
    });
    await renderWithCostApi(<EntityCostContent />, { costApi, entity });

    const total = await screen.findByRole('region', { name: 'Total cost' });
    expect(total).toHaveTextContent(
      '28 Oct 2026 – 26 Nov 2026 (30 days), data since 5 Nov 2026',
    );
    expect(total).toHaveTextContent(
      'Not compared with the window before: cost data starts on 5 Nov 2026',
    );
    expect(total).not.toHaveTextContent(/against/);
  });
});
