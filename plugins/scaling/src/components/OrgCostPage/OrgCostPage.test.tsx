import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { orgCost } from '../../__testUtils__/costFixtures';
import { fakeCostApi } from '../../__testUtils__/fakeCostApi';
import { renderWithCostApi } from '../../__testUtils__/renderWithCostApi';
import { OrgCostPage } from './OrgCostPage';

describe('OrgCostPage', () => {
  it('shows the org’s total, month over month, savings and top teams, services and regions', async () => {
    const costApi = fakeCostApi();
    await renderWithCostApi(<OrgCostPage />, { costApi });

    const total = await screen.findByRole('region', { name: 'Total cost' });
    expect(total).toHaveTextContent('$25,400');
    expect(total).toHaveTextContent('29 Aug 2026 – 26 Nov 2026 (90 days)');
    const [window] = costApi.getOrgCost.mock.calls[0];
    expect(
      (Date.parse(window!.end) - Date.parse(window!.start)) / 86_400_000,
    ).toBe(90);

    expect(
      screen.getByRole('region', { name: 'Month over month' }),
    ).toHaveTextContent(
      'Oct 2026: $8,610, +$410.00 (+5.0 %) against $8,200 in Sep 2026',
    );
    expect(
      screen.getByText(/12 recommendations would save/).textContent,
    ).toMatch(/\$950\.00 a month \(\$11,400 a year\)/);

    const teams = screen.getByRole('table', { name: 'Cost by team' });
    expect(
      within(teams).getByRole('row', { name: /Unallocated/ }),
    ).toHaveTextContent('Unallocated$1,4005.5 %');
    expect(
      within(
        screen.getByRole('table', { name: 'Top services by cost' }),
      ).getAllByRole('row')[1],
    ).toHaveTextContent('$8,00031.5 %');
    expect(
      within(screen.getByRole('table', { name: 'Cost by region' })).getByRole(
        'row',
        { name: /eu-west/ },
      ),
    ).toHaveTextContent('eu-west$11,40044.9 %');
  });

  it('says where the data starts and compares with no window before it', async () => {
    // Data from 5 Nov: 90 and 365 days hold the same days, and the windows
    // before them hold none.
    const costApi = fakeCostApi({
      getOrgCost: jest.fn().mockImplementation(async window => ({
        ...orgCost,
        window,
        total: 4156,
        dataStart: '2026-11-05',
        change: undefined,
        monthOverMonth: undefined,
      })),
    });
    await renderWithCostApi(<OrgCostPage />, { costApi });

    for (const days of ['90', '365']) {
      await userEvent.selectOptions(screen.getByLabelText('Window'), days);
      const total = await screen.findByRole('region', { name: 'Total cost' });
      expect(total).toHaveTextContent('$4,156');
      expect(total).toHaveTextContent(`(${days} days), data since 5 Nov 2026`);
      expect(total).toHaveTextContent(
        'Not compared with the window before: cost data starts on 5 Nov 2026',
      );
      expect(total).not.toHaveTextContent('against');
    }
    expect(
      screen.getAllByText(/\(365 days\), data since 5 Nov 2026$/).length,
    ).toBeGreaterThan(1);
  });
});
