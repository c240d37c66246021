import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { entityRef, otherTeamsEntity } from '../../__testUtils__/fixtures';
import { fakeAlertsApi } from '../../__testUtils__/fakeAlertsApi';
import { renderWithHealthApis } from '../../__testUtils__/renderWithHealthApis';
import { responseError } from '../../__testUtils__/responseError';
import { MaintenanceWindowsCard } from './MaintenanceWindowsCard';

jest.setTimeout(30_000);

const regions = ['eu-west', 'us-east'];

async function openNewWindow() {
  await userEvent.click(
    await screen.findByRole('button', { name: 'New maintenance window' }),
  );
  return within(
    await screen.findByRole('dialog', { name: 'New maintenance window' }),
  );
}

describe('MaintenanceWindowsCard', () => {
  it('lists the windows with their status in words, and offers to expire only those not over', async () => {
    await renderWithHealthApis(<MaintenanceWindowsCard regions={regions} />);

    const table = await screen.findByRole('table', {
      name: 'Maintenance windows',
    });
    const upgrade = within(table).getByRole('row', {
      name: /order-db upgrade/,
    });
    expect(upgrade).toHaveTextContent('Active');
    expect(upgrade).toHaveTextContent('eu-west');
    expect(upgrade).toHaveTextContent('user:default/jane');
    expect(
      within(upgrade).getByRole('button', { name: 'Expire order-db upgrade' }),
    ).toBeInTheDocument();
    const rotation = within(table).getByRole('row', {
      name: /node pool rotation/,
    });
    expect(rotation).toHaveTextContent('Expired');
    expect(rotation).toHaveTextContent('All regions');
    expect(within(rotation).queryByRole('button')).not.toBeInTheDocument();
  });

  it('opens a window from the start, end, comment and region given, as instants', async () => {
    const alertsApi = fakeAlertsApi();
    await renderWithHealthApis(<MaintenanceWindowsCard regions={regions} />, {
      alertsApi,
    });

    const form = await openNewWindow();
    fireEvent.change(form.getByLabelText('Start'), {
      target: { value: '2030-01-15T10:00' },
    });
    fireEvent.change(form.getByLabelText('End'), {
      target: { value: '2030-01-15T12:30' },
    });
    await userEvent.type(form.getByLabelText('Comment'), 'order-db upgrade');
    await userEvent.selectOptions(form.getByLabelText('Region'), 'us-east');
    await userEvent.click(form.getByRole('button', { name: 'Create' }));

    await waitFor(() =>
      expect(alertsApi.createMaintenanceWindow).toHaveBeenCalledWith(
        entityRef,
        {
          startsAt: new Date('2030-01-15T10:00').toISOString(),
          endsAt: new Date('2030-01-15T12:30').toISOString(),
          comment: 'order-db upgrade',
          region: 'us-east',
        },
      ),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    await waitFor(() =>
      expect(alertsApi.getMaintenanceWindows).toHaveBeenCalledTimes(2),
    );
  });

  it('says on the End field that it must come after the start, and sends nothing', async () => {
    const alertsApi = fakeAlertsApi();
    await renderWithHealthApis(<MaintenanceWindowsCard regions={regions} />, {
      alertsApi,
    });

    const form = await openNewWindow();
    fireEvent.change(form.getByLabelText('Start'), {
      target: { value: '2030-01-15T10:00' },
    });
    fireEvent.change(form.getByLabelText('End'), {
      target: { value: '2030-01-15T09:00' },
    });
    await userEvent.type(form.getByLabelText('Comment'), 'backwards');
    await userEvent.click(form.getByRole('button', { name: 'Create' }));

    expect(form.getByLabelText('End')).toHaveAttribute('aria-invalid', 'true');
    expect(form.getByLabelText('End')).toHaveAccessibleDescription(
      /must be after startsAt/,
    );
    expect(alertsApi.createMaintenanceWindow).not.toHaveBeenCalled();
  });

  it('shows the server’s 400 problem on its field', async () => {
    const alertsApi = fakeAlertsApi({
      createMaintenanceWindow: jest.fn().mockRejectedValue(
        await responseError(
          400,
          {
            name: 'InputError',
            message:
              'Invalid maintenance window: region is not a region of this service',
          },
          {
            problems: [
              {
                field: 'region',
                message: 'is not a region of this service (given us-east)',
              },
            ],
          },
        ),
      ),
    });
    await renderWithHealthApis(<MaintenanceWindowsCard regions={regions} />, {
      alertsApi,
    });

    const form = await openNewWindow();
    await userEvent.type(form.getByLabelText('Comment'), 'failover drill');
    await userEvent.selectOptions(form.getByLabelText('Region'), 'us-east');
    await userEvent.click(form.getByRole('button', { name: 'Create' }));

    await waitFor(() =>
      expect(form.getByLabelText('Region')).toHaveAccessibleDescription(
        'is not a region of this service (given us-east)',
      ),
    );
  });

  it('expires a window after asking', async () => {
    const alertsApi = fakeAlertsApi();
    await renderWithHealthApis(<MaintenanceWindowsCard regions={regions} />, {
      alertsApi,
    });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Expire order-db upgrade' }),
    );
    const confirm = await screen.findByRole('dialog', {
      name: 'Expire the maintenance window?',
    });
    await userEvent.click(
      within(confirm).getByRole('button', { name: 'Expire' }),
    );
    await waitFor(() =>
      expect(alertsApi.expireMaintenanceWindow).toHaveBeenCalledWith(
        entityRef,
        'silence-1',
      ),
    );
  });

  it('offers no changes to who does not own the service', async () => {
    await renderWithHealthApis(<MaintenanceWindowsCard regions={regions} />, {
      permission: AuthorizeResult.DENY,
      entity: otherTeamsEntity,
    });

    expect(
      await screen.findByText(/may open or expire its maintenance windows/),
    ).toBeInTheDocument();
    await screen.findByRole('table', { name: 'Maintenance windows' });
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
