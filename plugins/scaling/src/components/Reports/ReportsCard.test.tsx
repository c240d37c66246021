import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import {
  Report,
  ReportSummary,
} from '@meschain/backstage-plugin-scaling-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReportsApi, reportsApiRef } from '../../api';
import { ReportsCard } from './ReportsCard';

const TEAM = 'group:default/platform-team';

const weekly: ReportSummary = {
  id: 'r-1',
  kind: 'scaling',
  scope: 'team',
  team: TEAM,
  period: { start: '2026-11-23', end: '2026-11-30' },
  createdAt: '2026-11-30T06:00:12.000Z',
  createdBy: 'task:weekly-reports',
};
const byUser: ReportSummary = {
  ...weekly,
  id: 'r-2',
  kind: 'cost',
  period: { start: '2026-11-01', end: '2026-12-01' },
  createdAt: '2026-12-01T09:30:00.000Z',
  createdBy: 'user:default/elif.kaya',
};

function fakeReportsApi(overrides: Partial<ReportsApi> = {}) {
  return {
    listReports: jest.fn().mockResolvedValue([byUser, weekly]),
    createReport: jest.fn().mockImplementation(
      async (request): Promise<Report> => ({
        ...byUser,
        id: 'r-3',
        kind: request.kind,
        period: { start: request.start, end: request.end },
        figures: {} as Report['figures'],
      }),
    ),
    downloadReport: jest.fn().mockResolvedValue({
      blob: new Blob(['section,item,measure,value\r\n']),
      filename: 'cost-report.csv',
    }),
    ...overrides,
  };
}

function render(reportsApi: ReportsApi, team?: string) {
  return renderInTestApp(
    <TestApiProvider apis={[[reportsApiRef, reportsApi]]}>
      <ReportsCard team={team} now={new Date('2026-12-03T10:00:00Z')} />
    </TestApiProvider>,
  );
}

describe('ReportsCard', () => {
  it('lists the team’s stored reports with their producer and date', async () => {
    const reportsApi = fakeReportsApi();
    await render(reportsApi, TEAM);

    const table = await screen.findByRole('table', { name: 'Stored reports' });
    expect(reportsApi.listReports).toHaveBeenCalledWith({ team: TEAM });
    const [, first, second] = within(table).getAllByRole('row');
    expect(first).toHaveTextContent('Cost');
    expect(first).toHaveTextContent('2026-11-01 to 2026-11-30');
    expect(first).toHaveTextContent('elif.kaya');
    expect(first).toHaveTextContent('2026-12-01 09:30');
    expect(second).toHaveTextContent('Scaling');
    expect(second).toHaveTextContent('2026-11-23 to 2026-11-29');
    expect(second).toHaveTextContent('Weekly task');
    expect(
      screen.getByText('Scaling, deployments and cost of platform-team'),
    ).toBeInTheDocument();
  });

  it('lists the organisation’s reports without a team', async () => {
    const reportsApi = fakeReportsApi({
      listReports: jest.fn().mockResolvedValue([]),
    });
    await render(reportsApi);
    expect(await screen.findByText('No reports yet.')).toBeInTheDocument();
    expect(reportsApi.listReports).toHaveBeenCalledWith({ scope: 'org' });
  });

  it('generates a report of the chosen kind over the chosen days, last day included, and lists it', async () => {
    const reportsApi = fakeReportsApi();
    await render(reportsApi, TEAM);
    await screen.findByRole('table', { name: 'Stored reports' });

    // Last week by default.
    expect(screen.getByLabelText(/From/)).toHaveValue('2026-11-23');
    expect(screen.getByLabelText(/To/)).toHaveValue('2026-11-29');

    await userEvent.click(screen.getByRole('button', { name: /^Kind/ }));
    await userEvent.click(screen.getByRole('option', { name: 'Deployments' }));
    fireEvent.change(screen.getByLabelText(/From/), {
      target: { value: '2026-11-01' },
    });
    fireEvent.change(screen.getByLabelText(/To/), {
      target: { value: '2026-11-30' },
    });
    await userEvent.click(
      screen.getByRole('button', { name: 'Generate report' }),
    );

    await waitFor(() =>
      expect(reportsApi.createReport).toHaveBeenCalledWith({
        kind: 'deployments',
        team: TEAM,
        start: '2026-11-01',
        end: '2026-12-01',
      }),
    );
    await waitFor(() =>
      expect(reportsApi.listReports).toHaveBeenCalledTimes(2),
    );
  });

  it('downloads a report with the user’s token through the API, under the backend’s file name', async () => {
    const reportsApi = fakeReportsApi();
    const createObjectURL = jest.fn(() => 'blob:report');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const clicked: HTMLAnchorElement[] = [];
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function recordClick(this: HTMLAnchorElement) {
        clicked.push(this);
      });
    await render(reportsApi, TEAM);

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Download the cost report of 2026-11-01 to 2026-11-30 as CSV',
      }),
    );
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(reportsApi.downloadReport).toHaveBeenCalledWith('r-2', 'csv');
    expect(clicked[0].download).toBe('cost-report.csv');
    expect(clicked[0].href).toBe('blob:report');
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:report');

    await userEvent.click(
      screen.getByRole('button', {
        name: 'Download the scaling report of 2026-11-23 to 2026-11-29 as PDF',
      }),
    );
    await waitFor(() =>
      expect(reportsApi.downloadReport).toHaveBeenCalledWith('r-1', 'pdf'),
    );
    click.mockRestore();
  });

  it('says why a report could not be made, e.g. for a team the user is not in', async () => {
    const reportsApi = fakeReportsApi({
      createReport: jest
        .fn()
        .mockRejectedValue(
          new Error(
            `Only the members of ${TEAM} and platform admins may create its reports`,
          ),
        ),
    });
    await render(reportsApi, TEAM);
    await screen.findByRole('table', { name: 'Stored reports' });
    await userEvent.click(
      screen.getByRole('button', { name: 'Generate report' }),
    );
    expect(
      await screen.findByText(
        `Only the members of ${TEAM} and platform admins may create its reports`,
      ),
    ).toBeInTheDocument();
  });
});
