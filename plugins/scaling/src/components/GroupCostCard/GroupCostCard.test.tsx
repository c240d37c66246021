import { Entity } from '@backstage/catalog-model';
import { screen, within } from '@testing-library/react';
import { teamCost } from '../../__testUtils__/costFixtures';
import { fakeCostApi } from '../../__testUtils__/fakeCostApi';
import { renderWithCostApi } from '../../__testUtils__/renderWithCostApi';
import { GroupCostCard } from './GroupCostCard';

const group: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'commerce-team', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

describe('GroupCostCard', () => {
  it('shows the team’s total, change, largest services and savings over the window', async () => {
    const costApi = fakeCostApi();
    await renderWithCostApi(<GroupCostCard />, { costApi, entity: group });

    const total = await screen.findByRole('region', { name: 'Team cost' });
    expect(costApi.getTeamCost).toHaveBeenCalledWith(
      { kind: 'Group', namespace: 'default', name: 'commerce-team' },
      undefined,
    );
    expect(total).toHaveTextContent('$2,841');
    expect(total).toHaveTextContent('28 Oct 2026 – 26 Nov 2026 (30 days)');
    expect(total).toHaveTextContent('-$159.10 (-5.3 %) against $3,000');

    const services = screen.getByRole('table', {
      name: 'Top services by cost',
    });
    expect(
      within(services).getByRole('link', { name: 'order-service' }),
    ).toBeInTheDocument();
    expect(within(services).getAllByRole('row')[1]).toHaveTextContent('$1,520');
    expect(
      screen.getByText(/3 recommendations would save/).textContent,
    ).toMatch(/\$150\.25 a month \(\$1,803 a year\)/);
  });

  it('says where the team’s data starts when its window reaches before it, and compares nothing', async () => {
    const costApi = fakeCostApi({
      getTeamCost: jest.fn().mockResolvedValue({
        ...teamCost,
        dataStart: '2026-11-05',
        change: undefined,
      }),
    });
    await renderWithCostApi(<GroupCostCard />, { costApi, entity: group });

    const total = await screen.findByRole('region', { name: 'Team cost' });
    expect(total).toHaveTextContent(
      '28 Oct 2026 – 26 Nov 2026 (30 days), data since 5 Nov 2026',
    );
    expect(total).toHaveTextContent(
      'Not compared with the window before: cost data starts on 5 Nov 2026',
    );
    expect(total).not.toHaveTextContent(/against/);
  });
});
