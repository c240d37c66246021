import { renderInTestApp } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import { ScalingHistoryEvent } from '@meschain/backstage-plugin-scaling-common';
import { ScalingHistoryTimeline } from './ScalingHistoryTimeline';

const event = (
  id: string,
  actor: string,
  asAdmin?: boolean,
): ScalingHistoryEvent => ({
  id,
  source: 'suite',
  time: '2026-12-05T10:00:00Z',
  region: 'eu-west',
  action: 'replicas.scale',
  actor,
  ...(asAdmin && { asAdmin }),
  outcome: 'succeeded',
  before: { replicas: 2 },
  after: { replicas: 4 },
});

describe('ScalingHistoryTimeline', () => {
  it('says which changes an admin made to a service it does not own', async () => {
    await renderInTestApp(
      <ScalingHistoryTimeline
        loading={false}
        history={{
          events: [
            event('1', 'user:default/guest', true),
            event('2', 'user:default/elif.kaya'),
          ],
        }}
      />,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );

    const rows = within(
      screen.getByRole('region', { name: 'History' }),
    ).getAllByRole('row');
    const adminRow = rows.find(row => row.textContent?.includes('guest'))!;
    const ownerRow = rows.find(row => row.textContent?.includes('elif.kaya'))!;
    expect(adminRow).toHaveTextContent('as admin, not an owner');
    expect(ownerRow).not.toHaveTextContent('as admin');
  });

  it('names the alert and maintenance window changes an owner made', async () => {
    await renderInTestApp(
      <ScalingHistoryTimeline
        loading={false}
        history={{
          events: [
            {
              ...event('1', 'user:default/guest'),
              action: 'alert-rule.create',
              before: undefined,
              after: { name: 'HighErrorRatio' },
            },
            {
              ...event('2', 'user:default/guest'),
              action: 'maintenance-window.expire',
            },
          ],
        }}
      />,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );

    const history = screen.getByRole('region', { name: 'History' });
    expect(within(history).getByText('Created alert rule')).toBeInTheDocument();
    expect(
      within(history).getByText('Expired maintenance window'),
    ).toBeInTheDocument();
  });
});
